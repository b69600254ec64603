package com.ai2aim.rx.documents.internal.read;

import com.ai2aim.rx.documents.internal.extract.DocumentText;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads the text of a PDF or an image. A PDF page's text layer is used when it holds enough text; otherwise the page
 * is rendered and read by OCR. Images are read by OCR, every frame of a multi-page TIFF. Fails with
 * {@link UnreadableDocumentException} (the client's fault) for files that do not parse, are encrypted or have too
 * many pages.
 */
public final class DocumentReader {

    /** Fewer letters than this on a page means the page is scanned (or nearly empty): OCR it. */
    private static final int MIN_TEXT_LAYER_LETTERS = 20;

    private final java.util.function.Supplier<OcrEngine> ocr;
    private final int maxPages;
    private final int renderDpi;

    /** {@code ocr} is asked for only when a page needs OCR, so a text PDF never waits for the model to load. */
    public DocumentReader(java.util.function.Supplier<OcrEngine> ocr, int maxPages, int renderDpi) {
        this.ocr = ocr;
        this.maxPages = maxPages;
        this.renderDpi = renderDpi;
    }

    public DocumentText read(FileType type, byte[] content) {
        return type == FileType.PDF ? pdf(content) : image(content);
    }

    private DocumentText pdf(byte[] content) {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            if (pdf.isEncrypted()) {
                throw new UnreadableDocumentException("the PDF is encrypted");
            }
            int pages = pdf.getNumberOfPages();
            checkPages(pages);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            PDFRenderer renderer = new PDFRenderer(pdf);
            Pages collected = new Pages();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String layer = stripper.getText(pdf);
                if (layer.chars().filter(Character::isLetter).count() >= MIN_TEXT_LAYER_LETTERS) {
                    collected.add(layer, 1.0, false);
                } else {
                    BufferedImage image = renderer.renderImageWithDPI(page - 1, renderDpi, ImageType.GRAY);
                    OcrEngine.Result read = ocr.get().read(image, renderDpi);
                    collected.add(read.text(), read.confidence(), true);
                }
            }
            return collected.toText();
        } catch (IOException e) {
            throw new UnreadableDocumentException("the PDF cannot be read");
        }
    }

    private DocumentText image(byte[] content) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UnreadableDocumentException("the image cannot be read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int frames = reader.getNumImages(true);
                checkPages(frames);
                Pages collected = new Pages();
                for (int i = 0; i < frames; i++) {
                    int dpi = Dpi.of(reader, i);
                    OcrEngine.Result read = ocr.get().read(reader.read(i), dpi);
                    collected.add(read.text(), read.confidence(), true);
                }
                return collected.toText();
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableDocumentException u) {
                throw u;
            }
            // ImageIO reports truncated or malformed images as IOException or as assorted runtime exceptions.
            throw new UnreadableDocumentException("the image cannot be read");
        }
    }

    private void checkPages(int pages) {
        if (pages < 1) {
            throw new UnreadableDocumentException("the document has no pages");
        }
        if (pages > maxPages) {
            throw new UnreadableDocumentException("the document has " + pages + " pages; at most " + maxPages + " are accepted");
        }
    }

    /** The pages' text in order, with the mean confidence over the pages and where the text came from. */
    private static final class Pages {
        private final List<String> texts = new ArrayList<>();
        private double confidenceSum;
        private int ocrPages;

        void add(String text, double confidence, boolean ocr) {
            texts.add(text);
            confidenceSum += confidence;
            ocrPages += ocr ? 1 : 0;
        }

        DocumentText toText() {
            String source = ocrPages == 0 ? "text_layer" : ocrPages == texts.size() ? "ocr" : "mixed";
            return new DocumentText(String.join("\n", texts), confidenceSum / texts.size(), source, texts.size());
        }
    }
}
