package com.ai2aim.rx.platform.validation;

/**
 * National Provider Identifier: ten digits whose last is a Luhn check digit computed over "80840" + the first nine
 * (the ISO card-issuer prefix CMS assigned to NPIs).
 */
public final class Npi {

    private Npi() {}

    public static boolean isValid(String value) {
        if (value == null || !value.matches("\\d{10}")) {
            return false;
        }
        String digits = "80840" + value.substring(0, 9);
        int sum = 0;
        boolean doubleIt = true; // the check digit is appended on the right, so the rightmost payload digit doubles
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        int check = (10 - sum % 10) % 10;
        return check == value.charAt(9) - '0';
    }
}
