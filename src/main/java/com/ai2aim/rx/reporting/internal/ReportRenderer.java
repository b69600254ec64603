package com.ai2aim.rx.reporting.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.stereotype.Component;

/** Turns a report's sections into CSV (every row) and a PDF (tables of the first rows, bar charts as PNG images). */
@Component
class ReportRenderer {

    private static final int PDF_ROWS_PER_SECTION = 30;
    private static final float MARGIN = 50;
    private static final float LINE = 13;
    private static final int CHART_WIDTH = 500;
    private static final int CHART_HEIGHT = 240;

    /** Long form: {@code section,<columns…>} per section, each preceded by its header line. */
    String csv(List<Section> sections) {
        StringBuilder out = new StringBuilder();
        for (Section section : sections) {
            out.append(cell("section")).append(',').append(section.columns().stream().map(ReportRenderer::cell)
                    .collect(Collectors.joining(","))).append("\r\n");
            for (List<Object> row : section.rows()) {
                out.append(cell(section.key())).append(',')
                        .append(row.stream().map(v -> cell(v == null ? "" : v.toString())).collect(Collectors.joining(",")))
                        .append("\r\n");
            }
        }
        return out.toString();
    }

    byte[] pdf(String title, String period, List<Section> sections) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Pages pages = new Pages(doc);
            pages.text(title, true, 16);
            pages.text(period, false, 10);
            for (Section section : sections) {
                pages.gap();
                pages.text(section.title(), true, 12);
                pages.text(String.join(" | ", section.columns()), true, 9);
                section.rows().stream().limit(PDF_ROWS_PER_SECTION).forEach(row -> pages.text(
                        row.stream().map(v -> v == null ? "" : v.toString()).collect(Collectors.joining(" | ")), false, 9));
                if (section.rows().isEmpty()) {
                    pages.text("(none)", false, 9);
                } else if (section.rows().size() > PDF_ROWS_PER_SECTION) {
                    pages.text("... " + (section.rows().size() - PDF_ROWS_PER_SECTION) + " more rows in the CSV", false, 9);
                }
                if (section.chart() && !section.rows().isEmpty()) {
                    pages.image(chart(section));
                }
            }
            pages.close();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage chart(Section section) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int valueColumn = 1; // the first figure after the label
        for (List<Object> row : section.rows().stream().limit(15).toList()) {
            String label = String.valueOf(row.get(0));
            data.addValue(((Number) row.get(valueColumn)).doubleValue(), section.columns().get(valueColumn),
                    label.length() > 14 ? label.substring(0, 12) + ".." : label);
        }
        JFreeChart chart = ChartFactory.createBarChart(null, section.columns().get(0), section.columns().get(valueColumn), data);
        return chart.createBufferedImage(CHART_WIDTH, CHART_HEIGHT);
    }

    private static String cell(String value) {
        String safe = value.startsWith("=") || value.startsWith("+") || value.startsWith("-") || value.startsWith("@")
                ? "'" + value : value; // no formula injection when opened in a spreadsheet
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    /** A cursor over A4 pages that starts a new page when the next line or image does not fit. */
    private static final class Pages {
        private final PDDocument doc;
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private PDPageContentStream stream;
        private float y;

        Pages(PDDocument doc) throws IOException {
            this.doc = doc;
            newPage();
        }

        void text(String text, boolean strong, float size) {
            try {
                ensure(LINE + size - 9);
                stream.beginText();
                stream.setFont(strong ? bold : regular, size);
                stream.newLineAtOffset(MARGIN, y);
                stream.showText(printable(text));
                stream.endText();
                y -= LINE + size - 9;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void gap() {
            y -= LINE;
        }

        void image(BufferedImage image) throws IOException {
            float height = CHART_HEIGHT * 0.9f;
            ensure(height + LINE);
            stream.drawImage(LosslessFactory.createFromImage(doc, image), MARGIN, y - height, CHART_WIDTH * 0.9f, height);
            y -= height + LINE;
        }

        void close() throws IOException {
            stream.close();
        }

        private void ensure(float space) throws IOException {
            if (y - space < MARGIN) {
                stream.close();
                newPage();
            }
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        /** The standard fonts encode WinAnsi only; anything else becomes '?', and long lines are cut. */
        private static String printable(String text) {
            StringBuilder out = new StringBuilder();
            for (char c : text.toCharArray()) {
                out.append(c >= 0x20 && c < 0x7f ? c : '?');
            }
            return out.length() > 110 ? out.substring(0, 107) + "..." : out.toString();
        }
    }
}
