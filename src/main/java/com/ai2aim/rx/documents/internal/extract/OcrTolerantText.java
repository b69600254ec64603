package com.ai2aim.rx.documents.internal.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs what OCR and PDF text layers typically get wrong, without touching words: whitespace runs, typographic
 * dashes, and letters read in place of digits inside tokens that are otherwise numeric (O/o for 0, l/I/| for 1,
 * S for 5, a comma for a decimal point).
 */
final class OcrTolerantText {

    private static final Pattern MOSTLY_NUMERIC = Pattern.compile("[<>]?[0-9OolI|S]*[0-9][0-9OolI|S.,/:-]*");
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    /** Specks and rules that OCR reads as punctuation standing alone between words. */
    private static final Pattern STRAY = Pattern.compile("(?<=^| )[~|\u2018\u2019'`\"_=\u2022\u00b7\u00ab\u00bb*\\\\]+(?= |$)");
    private static final Pattern LEADING_SPECK = Pattern.compile("^[~|\u2018\u2019'`\"_\u2022\u00b7\u00ab\u00bb*]+(?=[A-Za-z0-9])");

    private OcrTolerantText() {}

    /** One space between words, one line per line, no blank lines, typographic dashes made plain. */
    static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.replace('\r', '\n').split("\n")) {
            String clean = line.replace('\u2013', '-').replace('\u2014', '-').replace('\u2212', '-')
                    .replace('\u00a0', ' ').replace('\t', ' ');
            clean = STRAY.matcher(clean).replaceAll(" ");
            clean = LEADING_SPECK.matcher(clean.strip()).replaceFirst("").replaceAll(" {2,}", " ").strip();
            if (!clean.isEmpty()) {
                out.append(clean).append('\n');
            }
        }
        return out.toString();
    }

    /** A token that is a number (or a date, or a range) once misread letters are put back as digits; else unchanged. */
    static String digits(String token) {
        if (!MOSTLY_NUMERIC.matcher(token).matches()) {
            return token;
        }
        String fixed = token.replace('O', '0').replace('o', '0').replace('l', '1').replace('I', '1').replace('|', '1')
                .replace('S', '5');
        // A decimal comma (12,5) but not a thousands separator followed by three digits (1,200).
        return fixed.matches("[<>]?\\d+,\\d{1,2}") ? fixed.replace(',', '.') : fixed.replace(",", "");
    }

    /** {@link #digits} applied to every token of a phrase. */
    static String digitsIn(String phrase) {
        Matcher m = TOKEN.matcher(phrase);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(digits(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
