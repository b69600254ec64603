package com.ai2aim.rx.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierTests {

    @ParameterizedTest
    @ValueSource(strings = {"1234567893", "1245319599", "1003000126"})
    void acceptsNpisWithAValidCheckDigit(String npi) {
        assertThat(Npi.isValid(npi)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567890", "123456789", "12345678931", "abcdefghij", "", "1234 56789"})
    void rejectsMalformedOrMisdigitedNpis(String npi) {
        assertThat(Npi.isValid(npi)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"BP1234563", "AB1234563", "FP9999991", "M91234563"})
    void acceptsDeaNumbersWithAValidCheckDigit(String dea) {
        assertThat(DeaNumber.isValid(dea)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"BP1234564", "ZP1234563", "bp1234563", "BP123456", "B11234563", ""})
    void rejectsBadDeaNumbers(String dea) {
        assertThat(DeaNumber.isValid(dea)).isFalse();
    }

    /** Changing any single digit of a valid NPI must break its check digit (Luhn catches every single-digit error). */
    @RepeatedTest(50)
    void everySingleDigitChangeOfAValidNpiIsCaught(org.junit.jupiter.api.RepetitionInfo repetition) {
        Random random = new Random(20261204L + repetition.getCurrentRepetition());
        String base = validNpi(random);
        assertThat(Npi.isValid(base)).isTrue();
        int position = random.nextInt(10);
        char original = base.charAt(position);
        char replacement = (char) ('0' + (original - '0' + 1 + random.nextInt(9)) % 10);
        String mutated = base.substring(0, position) + replacement + base.substring(position + 1);
        assertThat(Npi.isValid(mutated)).as(base + " -> " + mutated).isFalse();
    }

    private static String validNpi(Random random) {
        String prefix = String.valueOf(1 + random.nextInt(2)) + String.format("%08d", random.nextInt(100_000_000));
        for (int check = 0; check < 10; check++) {
            if (Npi.isValid(prefix + check)) {
                return prefix + check;
            }
        }
        throw new AssertionError("no check digit for " + prefix);
    }
}
