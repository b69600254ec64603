package com.ai2aim.rx.documents.internal.read;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Straightens a page scanned a few degrees off. Tesseract reads a tilted table row as pieces of several lines, so a
 * lab table turns into noise; Leptonica's own deskew blanked some rendered pages, hence this projection profile:
 * the dark pixels of a downscaled page are projected onto the vertical axis at each candidate angle, and the angle
 * whose row sums vary most (text lines sharp, gaps between them empty) is the page's skew. The page is then turned
 * back with Java2D onto a white background.
 */
final class Deskew {

    /** Scans come in at most a few degrees off; searching further costs time and invites false peaks. */
    static final double MAX_DEGREES = 4;
    private static final double COARSE_STEP = 0.25;
    private static final double FINE_STEP = 0.05;
    /** Below this the turn is not worth the resampling blur. */
    private static final double MIN_DEGREES = 0.1;
    /** Width of the page the angle is measured on: enough for text lines to stand out, small enough to be fast. */
    private static final int SAMPLE_WIDTH = 1000;
    private static final int INK = 128;

    private Deskew() {}

    /** The page turned so that its text lines run level, or the page itself when it is level already. */
    static BufferedImage straighten(BufferedImage gray) {
        double angle = skewDegrees(gray);
        return Math.abs(angle) < MIN_DEGREES ? gray : rotate(gray, -angle);
    }

    /** The angle in degrees (clockwise positive, as drawn on screen) by which the page's text lines are tilted. */
    static double skewDegrees(BufferedImage gray) {
        int[][] ink = inkPoints(gray);
        if (ink[0].length < 100) {
            return 0;
        }
        int height = (int) Math.ceil(Math.hypot(ink[2][0], ink[2][1])) * 2 + 2;
        double best = search(ink, height, -MAX_DEGREES, MAX_DEGREES, COARSE_STEP, 0);
        return search(ink, height, best - COARSE_STEP, best + COARSE_STEP, FINE_STEP, best);
    }

    private static double search(int[][] ink, int height, double from, double to, double step, double fallback) {
        double bestAngle = fallback;
        double bestScore = -1;
        long[] rows = new long[height];
        int steps = (int) Math.round((to - from) / step);
        for (int i = 0; i <= steps; i++) {
            double angle = from + i * step;
            double score = profileScore(ink, angle, rows);
            // Ties go to the smaller turn, so a level page stays level.
            if (score > bestScore + 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && Math.abs(angle) < Math.abs(bestAngle))) {
                bestScore = score;
                bestAngle = angle;
            }
        }
        return bestAngle;
    }

    /** The sum of squared row counts: highest when the projected lines are sharpest. */
    private static double profileScore(int[][] ink, double degrees, long[] rows) {
        java.util.Arrays.fill(rows, 0);
        double radians = Math.toRadians(degrees);
        double sin = Math.sin(radians);
        double cos = Math.cos(radians);
        int offset = rows.length / 2;
        int[] xs = ink[0];
        int[] ys = ink[1];
        for (int i = 0; i < xs.length; i++) {
            // The row a point lands on once the page is turned back by the angle.
            int row = (int) Math.round(ys[i] * cos - xs[i] * sin) + offset;
            rows[row]++;
        }
        double score = 0;
        for (long count : rows) {
            score += (double) count * count;
        }
        return score;
    }

    /** Coordinates of dark pixels on a copy at most {@value #SAMPLE_WIDTH} wide, centred on the page's middle. */
    private static int[][] inkPoints(BufferedImage gray) {
        double scale = Math.min(1.0, (double) SAMPLE_WIDTH / gray.getWidth());
        int w = Math.max(1, (int) (gray.getWidth() * scale));
        int h = Math.max(1, (int) (gray.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(gray, 0, 0, w, h, null);
        g.dispose();
        Raster raster = small.getRaster();
        int[] line = new int[w];
        IntList xs = new IntList();
        IntList ys = new IntList();
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, line);
            for (int x = 0; x < w; x++) {
                if (line[x] < INK) {
                    xs.add(x - w / 2);
                    ys.add(y - h / 2);
                }
            }
        }
        return new int[][] {xs.toArray(), ys.toArray(), {w / 2 + 1, h / 2 + 1}};
    }

    private static BufferedImage rotate(BufferedImage gray, double degrees) {
        BufferedImage out = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(gray, AffineTransform.getRotateInstance(Math.toRadians(degrees), gray.getWidth() / 2.0, gray.getHeight() / 2.0), null);
        g.dispose();
        return out;
    }

    /** A growable int array, so a page's ink does not become a million boxed Integers. */
    private static final class IntList {
        private int[] values = new int[4096];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
