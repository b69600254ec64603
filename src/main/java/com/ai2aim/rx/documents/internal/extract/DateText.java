package com.ai2aim.rx.documents.internal.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as documents print them: ISO ({@code 2025-03-02}), US numeric ({@code 03/02/2025}, month first), and with a
 * month name ({@code 2 Mar 2025}, {@code March 2, 2025}). The first date found at the start of a phrase wins.
 */
final class DateText {

    static final String PATTERN = "(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}/\\d{1,2}/\\d{4}|\\d{1,2} [A-Za-z]{3,9}\\.? \\d{4}"
            + "|[A-Za-z]{3,9}\\.? \\d{1,2}[,.]? \\d{4})";
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern US = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2}) ([A-Za-z]{3,9})\\.? (\\d{4})");
    private static final Pattern MONTH_DAY = Pattern.compile("([A-Za-z]{3,9})\\.? (\\d{1,2})[,.]? (\\d{4})");
    private static final Pattern ANY = Pattern.compile(PATTERN);

    private DateText() {}

    /** The first date in the phrase, after repairing misread digits. */
    static Optional<LocalDate> first(String phrase) {
        if (phrase == null) {
            return Optional.empty();
        }
        Matcher m = ANY.matcher(OcrTolerantText.digitsIn(phrase));
        return m.find() ? parse(m.group()) : Optional.empty();
    }

    static Optional<LocalDate> parse(String s) {
        try {
            Matcher m;
            if ((m = ISO.matcher(s)).matches()) {
                return Optional.of(LocalDate.of(i(m.group(1)), i(m.group(2)), i(m.group(3))));
            }
            if ((m = US.matcher(s)).matches()) {
                return Optional.of(LocalDate.of(i(m.group(3)), i(m.group(1)), i(m.group(2))));
            }
            if ((m = DAY_MONTH.matcher(s)).matches()) {
                Matcher dm = m;
                return month(dm.group(2)).map(month -> LocalDate.of(i(dm.group(3)), month, i(dm.group(1))));
            }
            if ((m = MONTH_DAY.matcher(s)).matches()) {
                Matcher md = m;
                return month(md.group(1)).map(month -> LocalDate.of(i(md.group(3)), month, i(md.group(2))));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Month> month(String name) {
        String prefix = name.toUpperCase(Locale.ROOT);
        if (prefix.length() < 3) {
            return Optional.empty();
        }
        for (Month month : Month.values()) {
            if (month.name().startsWith(prefix.substring(0, 3))) {
                return Optional.of(month);
            }
        }
        return Optional.empty();
    }

    private static int i(String digits) {
        return Integer.parseInt(digits);
    }
}
