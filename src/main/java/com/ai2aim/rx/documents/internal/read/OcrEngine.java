package com.ai2aim.rx.documents.internal.read;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tesseract.TessBaseAPI;
import org.bytedeco.tesseract.global.tesseract;

/**
 * Tesseract behind a bounded pool. A {@link TessBaseAPI} is not thread-safe and loading the model takes a while,
 * so each instance is initialised once, used by one thread at a time, and returned to the pool; at most
 * {@code size} pages are read at once, and further callers wait their turn.
 */
public final class OcrEngine implements AutoCloseable {

    /** The text of one image and Tesseract's mean word confidence, 0–1. */
    public record Result(String text, double confidence) {}

    private final Path tessdata;
    private final BlockingQueue<TessBaseAPI> idle;
    private final Semaphore permits;

    public OcrEngine(Path tessdata, int size) {
        this.tessdata = tessdata;
        this.idle = new ArrayBlockingQueue<>(size);
        this.permits = new Semaphore(size, true);
    }

    public Result read(BufferedImage image, int dpi) {
        // Straightened before OCR: Tesseract reads a row tilted by a degree or two as pieces of neighbouring lines.
        BufferedImage gray = Deskew.straighten(grayscale(image));
        byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        try {
            if (!permits.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("OCR is busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for OCR", e);
        }
        TessBaseAPI api = null;
        try {
            api = take();
            api.SetImage(pixels, gray.getWidth(), gray.getHeight(), 1, gray.getWidth());
            api.SetSourceResolution(dpi);
            BytePointer utf8 = api.GetUTF8Text();
            String text = utf8 == null ? "" : utf8.getString(java.nio.charset.StandardCharsets.UTF_8);
            if (utf8 != null) {
                utf8.deallocate();
            }
            double confidence = Math.max(0, api.MeanTextConf()) / 100.0;
            api.Clear();
            return new Result(text, confidence);
        } finally {
            if (api != null) {
                idle.offer(api);
            }
            permits.release();
        }
    }

    private TessBaseAPI take() {
        TessBaseAPI api = idle.poll();
        if (api != null) {
            return api;
        }
        api = new TessBaseAPI();
        if (api.Init(tessdata.toString(), "eng", tesseract.OEM_LSTM_ONLY) != 0) {
            api.close();
            throw new IllegalStateException("Tesseract could not load the English model from " + tessdata);
        }
        // One block: the documents are forms and tables, and automatic layout analysis splits a table's columns into
        // separate blocks, so a row's value and its range end up far apart in the text.
        api.SetPageSegMode(tesseract.PSM_SINGLE_BLOCK);
        // The documents are printed forms: keep spaces between columns so table rows stay on one line.
        api.SetVariable("preserve_interword_spaces", "1");
        return api;
    }

    /** An 8-bit gray copy whose rows are exactly its width in bytes, the layout SetImage is told about. */
    private static BufferedImage grayscale(BufferedImage image) {
        // Rounded up to a multiple of 4 pixels with a white edge: Leptonica mis-reads pages of some odd sizes.
        int width = (image.getWidth() + 3) / 4 * 4;
        int height = (image.getHeight() + 3) / 4 * 4;
        BufferedImage gray = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return gray;
    }

    @Override
    public void close() {
        TessBaseAPI api;
        while ((api = idle.poll()) != null) {
            api.End();
            api.close();
        }
    }
}
