package com.ai2aim.rx.medications;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A National Drug Code, normalised to the 11-digit 5-4-2 form that claims and NCPDP SCRIPT use.
 *
 * <p>Accepted input: the three 10-digit FDA layouts written with hyphens (4-4-2, 5-3-2, 5-4-1), the 11-digit 5-4-2 form
 * with or without hyphens. A 10-digit code without hyphens is ambiguous (it could be any of the three layouts), so
 * {@link #parse} refuses it and {@link #candidates} returns its three readings for searching.
 */
public record Ndc(String labeler, String product, String packageCode) {

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    public Ndc {
        if (labeler == null || product == null || packageCode == null || labeler.length() != 5 || product.length() != 4
                || packageCode.length() != 2 || !DIGITS.matcher(labeler + product + packageCode).matches()) {
            throw new IllegalArgumentException("an NDC has 5-4-2 digits");
        }
    }

    /** Parses an unambiguous NDC; throws {@link IllegalArgumentException} (message safe to show) otherwise. */
    public static Ndc parse(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("NDC is missing");
        }
        String s = raw.strip();
        if (s.indexOf('-') >= 0) {
            return hyphenated(s);
        }
        if (!DIGITS.matcher(s).matches()) {
            throw new IllegalArgumentException("an NDC has only digits and hyphens");
        }
        if (s.length() == 11) {
            return new Ndc(s.substring(0, 5), s.substring(5, 9), s.substring(9));
        }
        if (s.length() == 10) {
            throw new IllegalArgumentException("a 10-digit NDC without hyphens is ambiguous; write it 4-4-2, 5-3-2 or 5-4-1");
        }
        throw new IllegalArgumentException("an NDC has 10 digits (4-4-2, 5-3-2, 5-4-1) or 11 digits (5-4-2)");
    }

    public static Optional<Ndc> tryParse(String raw) {
        try {
            return Optional.of(parse(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Every 11-digit code the input may stand for: one for an unambiguous NDC, three for 10 bare digits, none for
     * anything that is not an NDC.
     */
    public static List<Ndc> candidates(String raw) {
        if (raw == null) {
            return List.of();
        }
        String s = raw.strip();
        if (s.length() == 10 && DIGITS.matcher(s).matches()) {
            List<Ndc> readings = new ArrayList<>(3);
            readings.add(new Ndc("0" + s.substring(0, 4), s.substring(4, 8), s.substring(8)));
            readings.add(new Ndc(s.substring(0, 5), "0" + s.substring(5, 8), s.substring(8)));
            readings.add(new Ndc(s.substring(0, 5), s.substring(5, 9), "0" + s.substring(9)));
            return List.copyOf(readings);
        }
        return tryParse(s).map(List::of).orElse(List.of());
    }

    /** The 11 digits, as stored and compared. */
    public String value() {
        return labeler + product + packageCode;
    }

    /** 5-4-2 with hyphens, for people. */
    public String formatted() {
        return labeler + "-" + product + "-" + packageCode;
    }

    @Override
    public String toString() {
        return formatted();
    }

    private static Ndc hyphenated(String s) {
        String[] parts = s.split("-", -1);
        if (parts.length != 3 || !DIGITS.matcher(parts[0] + parts[1] + parts[2]).matches()
                || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new IllegalArgumentException("a hyphenated NDC has three groups of digits");
        }
        String layout = parts[0].length() + "-" + parts[1].length() + "-" + parts[2].length();
        return switch (layout) {
            case "4-4-2" -> new Ndc("0" + parts[0], parts[1], parts[2]);
            case "5-3-2" -> new Ndc(parts[0], "0" + parts[1], parts[2]);
            case "5-4-1" -> new Ndc(parts[0], parts[1], "0" + parts[2]);
            case "5-4-2" -> new Ndc(parts[0], parts[1], parts[2]);
            default -> throw new IllegalArgumentException("an NDC is laid out 4-4-2, 5-3-2, 5-4-1 or 5-4-2");
        };
    }
}
