package com.ai2aim.rx.platform.validation;

/**
 * DEA registration number: a registrant-type letter, a second letter (usually the registrant's last-name initial, or
 * 9 for business names), six digits and a check digit equal to the last digit of
 * (d1 + d3 + d5) + 2 × (d2 + d4 + d6).
 */
public final class DeaNumber {

    private static final String REGISTRANT_TYPES = "ABCDEFGHJKLMPRSTUX";

    private DeaNumber() {}

    public static boolean isValid(String value) {
        if (value == null || !value.matches("[A-Z][A-Z9]\\d{7}")) {
            return false;
        }
        if (REGISTRANT_TYPES.indexOf(value.charAt(0)) < 0) {
            return false;
        }
        int[] d = value.substring(2).chars().map(c -> c - '0').toArray();
        int sum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
        return sum % 10 == d[6];
    }
}
