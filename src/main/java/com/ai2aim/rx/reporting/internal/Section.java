package com.ai2aim.rx.reporting.internal;

import java.util.List;

/**
 * One table of a report. With {@code chart} set, the PDF draws a bar chart of the first column (labels) against the
 * last column (numbers).
 */
record Section(String key, String title, List<String> columns, List<List<Object>> rows, boolean chart) {

    static Section table(String key, String title, List<String> columns, List<List<Object>> rows) {
        return new Section(key, title, columns, rows, false);
    }

    static Section charted(String key, String title, List<String> columns, List<List<Object>> rows) {
        return new Section(key, title, columns, rows, true);
    }
}
