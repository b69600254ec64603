package com.ai2aim.rx.documents.corpus;

import java.util.List;
import java.util.Map;

/**
 * A generated document: its printed lines, the file made from them, and the ground truth, as flattened field paths
 * ({@code patient.name}, {@code labResults[2].flag}) to the value an extractor should give.
 */
public record SyntheticDocument(String id, Kind kind, String mediaType, byte[] content, List<Line> lines,
                                Map<String, String> truth) {

    public enum Kind { PDF_TEXT, PDF_SCANNED, PNG, JPEG, TIFF }

    /** One printed line: cells at fractions of the usable width (a single cell at 0 for plain text). */
    public record Line(List<Cell> cells) {
        static Line of(String text) {
            return new Line(List.of(new Cell(text, 0)));
        }
    }

    public record Cell(String text, float x) {}
}
