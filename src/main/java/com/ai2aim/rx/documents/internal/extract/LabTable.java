package com.ai2aim.rx.documents.internal.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rows of a lab results table: a test name, a numeric value, a unit, a reference range and an optional flag, one row
 * per line. A missing or unreadable flag is worked out from the value and the range (N inside it, H above, L below),
 * since printed reports leave normal results unflagged.
 */
final class LabTable {

    private static final String NUMBER = "[<>]?\\d+(?:\\.\\d+)?";
    private static final Pattern ROW = Pattern.compile(
            "^(?<test>[A-Za-z][A-Za-z0-9 ,()'/-]*?[A-Za-z)])\\s+(?<value>" + NUMBER + ")\\s+(?<unit>[A-Za-z%/0-9^.]+)\\s+"
                    + "(?<range>" + NUMBER + "\\s?-\\s?\\d+(?:\\.\\d+)?|[<>]\\s?\\d+(?:\\.\\d+)?|\\d+\\.\\d+\\.\\d+)(?:\\s+(?<flag>\\S{1,3}))?$");
    /** A decimal range whose dash OCR lost ("3.55.1" for "3.5-5.1"). */
    private static final Pattern DASHLESS = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final Pattern RANGE = Pattern.compile("(\\d+(?:\\.\\d+)?)-(\\d+(?:\\.\\d+)?)");
    private static final Pattern FLAG = Pattern.compile("HH|LL|H|L|N");

    private LabTable() {}

    static List<Extraction.LabResult> rows(List<String> lines) {
        List<Extraction.LabResult> results = new ArrayList<>();
        for (String line : lines) {
            row(line).ifPresent(results::add);
        }
        return results;
    }

    static Optional<Extraction.LabResult> row(String line) {
        Matcher m = ROW.matcher(numericTail(line));
        if (!m.matches()) {
            return Optional.empty();
        }
        String value = m.group("value");
        String range = dashed(m.group("range").replace(" ", ""), value);
        if (range == null) {
            return Optional.empty();
        }
        String printed = m.group("flag");
        String flag = printed != null && FLAG.matcher(printed).matches() ? printed : flagFrom(value, range);
        return Optional.of(new Extraction.LabResult(m.group("test").strip(), value, m.group("unit"), range, flag));
    }

    /** Puts back a lost dash, splitting where the lower bound has as many decimals as the value; null if it cannot. */
    private static String dashed(String range, String value) {
        Matcher m = DASHLESS.matcher(range);
        if (!m.matches()) {
            return range;
        }
        int dot = value.indexOf('.');
        int decimals = dot < 0 ? 0 : value.length() - dot - 1;
        String middle = m.group(2);
        if (decimals < 1 || middle.length() <= decimals) {
            return null;
        }
        return m.group(1) + "." + middle.substring(0, decimals) + "-" + middle.substring(decimals) + "." + m.group(3);
    }

    /** Repairs digits in every token after the test name (the first token that has a digit in it). */
    private static String numericTail(String line) {
        String[] tokens = line.split(" ");
        StringBuilder out = new StringBuilder();
        boolean inNumbers = false;
        for (String token : tokens) {
            String fixed = OcrTolerantText.digits(token);
            inNumbers |= fixed.matches("[<>]?\\d.*");
            out.append(out.isEmpty() ? "" : " ").append(inNumbers ? fixed : token);
        }
        return out.toString();
    }

    private static String flagFrom(String value, String range) {
        if (value.startsWith("<") || value.startsWith(">")) {
            return "N";
        }
        BigDecimal v = new BigDecimal(value);
        Matcher r = RANGE.matcher(range);
        if (r.matches()) {
            if (v.compareTo(new BigDecimal(r.group(1))) < 0) return "L";
            if (v.compareTo(new BigDecimal(r.group(2))) > 0) return "H";
            return "N";
        }
        BigDecimal bound = new BigDecimal(range.substring(1));
        if (range.startsWith("<")) {
            return v.compareTo(bound) >= 0 ? "H" : "N";
        }
        return v.compareTo(bound) <= 0 ? "L" : "N";
    }
}
