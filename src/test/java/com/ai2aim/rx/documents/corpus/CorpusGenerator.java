package com.ai2aim.rx.documents.corpus;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;

/**
 * Synthetic documents for tests and the benchmark: the four document types rendered as PDFs with a text layer, as
 * image-only PDFs (a "scan"), and as PNG, JPEG and TIFF images. Scans and images are drawn with Java2D at 200 dpi,
 * turned by up to ±3° and sprinkled with noise. Everything comes from one seed, so a corpus is the same on every run.
 */
public final class CorpusGenerator {

    private static final int DPI = 200;
    private static final float PAGE_W = PDRectangle.LETTER.getWidth();
    private static final float PAGE_H = PDRectangle.LETTER.getHeight();
    private static final float MARGIN = 54;
    private static final float FONT_SIZE = 11;
    private static final float LEADING = 16;
    private static final String[] TYPES = {"lab", "referral", "prescription", "letter"};

    private final Random random;
    private final Font awtFont;

    public CorpusGenerator(long seed) {
        this.random = new Random(seed);
        try (InputStream ttf = PDDocument.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            // A font from the PDFBox jar, so rendering does not depend on the machine's installed fonts.
            this.awtFont = Font.createFont(Font.TRUETYPE_FONT, ttf).deriveFont(FONT_SIZE * DPI / 72f);
        } catch (IOException | java.awt.FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code count} documents cycling through every pairing of type and kind of file: each run of 20 holds every
     * type as a text PDF, a scanned PDF, a PNG, a JPEG and a TIFF once.
     */
    public List<SyntheticDocument> generate(int count) {
        List<SyntheticDocument> corpus = new ArrayList<>();
        SyntheticDocument.Kind[] kinds = SyntheticDocument.Kind.values();
        for (int i = 0; i < count; i++) {
            corpus.add(generate(TYPES[i % TYPES.length], kinds[(i / TYPES.length) % kinds.length], "doc-" + i));
        }
        return corpus;
    }

    public SyntheticDocument generate(String type, SyntheticDocument.Kind kind, String id) {
        FakeRecords records = new FakeRecords(random);
        switch (type) {
            case "lab" -> records.lab();
            case "referral" -> records.referral();
            case "prescription" -> records.prescription();
            default -> records.letter();
        }
        byte[] content = switch (kind) {
            case PDF_TEXT -> textPdf(records.lines);
            case PDF_SCANNED -> scannedPdf(scan(records.lines));
            case PNG -> image(scan(records.lines), "png");
            case JPEG -> image(scan(records.lines), "jpeg");
            case TIFF -> image(scan(records.lines), "tiff");
        };
        String mediaType = switch (kind) {
            case PDF_TEXT, PDF_SCANNED -> "application/pdf";
            case PNG -> "image/png";
            case JPEG -> "image/jpeg";
            case TIFF -> "image/tiff";
        };
        return new SyntheticDocument(id, kind, mediaType, content, List.copyOf(records.lines), records.truth);
    }

    private static byte[] textPdf(List<SyntheticDocument.Line> lines) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            pdf.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                float y = PAGE_H - MARGIN;
                for (SyntheticDocument.Line line : lines) {
                    for (SyntheticDocument.Cell cell : line.cells()) {
                        cs.beginText();
                        cs.setFont(font, FONT_SIZE);
                        cs.newLineAtOffset(MARGIN + cell.x() * (PAGE_W - 2 * MARGIN), y);
                        cs.showText(cell.text());
                        cs.endText();
                    }
                    y -= LEADING;
                }
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page drawn at 200 dpi, turned by up to ±3° and with specks of noise, as a scanner might deliver it. */
    private BufferedImage scan(List<SyntheticDocument.Line> lines) {
        double scale = DPI / 72.0;
        int w = (int) (PAGE_W * scale);
        int h = (int) (PAGE_H * scale);
        BufferedImage page = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians((random.nextDouble() * 2 - 1) * 3), w / 2.0, h / 2.0);
        g.setColor(new Color(20, 20, 20));
        g.setFont(awtFont);
        double y = MARGIN * scale;
        for (SyntheticDocument.Line line : lines) {
            for (SyntheticDocument.Cell cell : line.cells()) {
                g.drawString(cell.text(), (float) ((MARGIN + cell.x() * (PAGE_W - 2 * MARGIN)) * scale), (float) y);
            }
            y += LEADING * scale;
        }
        g.dispose();
        addNoise(page);
        return page;
    }

    private void addNoise(BufferedImage page) {
        int specks = page.getWidth() * page.getHeight() / 800;
        for (int i = 0; i < specks; i++) {
            int x = random.nextInt(page.getWidth());
            int y = random.nextInt(page.getHeight());
            int shade = random.nextBoolean() ? 90 + random.nextInt(80) : 255;
            page.getRaster().setSample(x, y, 0, shade);
        }
    }

    private static byte[] scannedPdf(BufferedImage scan) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            pdf.addPage(page);
            var image = JPEGFactory.createFromImage(pdf, scan, 0.8f);
            try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                cs.drawImage(image, 0, 0, PAGE_W, PAGE_H);
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] image(BufferedImage scan, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.8f);
            } else if (format.equals("tiff")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType("Deflate");
            }
            writer.setOutput(ios);
            writer.write(null, new IIOImage(scan, null, null), param);
            writer.dispose();
            ios.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
