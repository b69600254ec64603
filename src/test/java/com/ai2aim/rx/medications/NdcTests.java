package com.ai2aim.rx.medications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.instancio.Instancio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NdcTests {

    @ParameterizedTest
    @CsvSource({
            "0069-2587-10, 00069258710",   // 4-4-2
            "16590-619-30, 16590061930",   // 5-3-2
            "12345-6789-1, 12345678901",   // 5-4-1
            "00069-2587-10, 00069258710",  // 5-4-2
            "00069258710, 00069258710",    // 11 bare digits
            "' 0206-8862-02 ', 00206886202"})
    void normalisesEveryLayoutToElevenDigits(String given, String expected) {
        Ndc ndc = Ndc.parse(given);
        assertThat(ndc.value()).isEqualTo(expected);
        assertThat(ndc.formatted()).isEqualTo(expected.substring(0, 5) + "-" + expected.substring(5, 9) + "-" + expected.substring(9));
        assertThat(ndc).hasToString(ndc.formatted());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2501-813-16", "1-2-3", "123456-789-0", "12345-678-901", "0069258710", "abcd-efgh-ij", "", "   ",
            "0069--2587-10", "-0069-2587-10", "0069-2587-10-", "123456789012", "0069 2587 10", "٠٠٦٩-٢٥٨٧-١٠"})
    void refusesMalformedOrAmbiguousCodes(String given) {
        assertThatThrownBy(() -> Ndc.parse(given)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Ndc.tryParse(given)).isEmpty();
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> Ndc.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Ndc.candidates(null)).isEmpty();
        assertThatThrownBy(() -> new Ndc("1234", "5678", "90")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tenBareDigitsHaveThreeReadings() {
        assertThat(Ndc.candidates("0069258710")).extracting(Ndc::value)
                .containsExactly("00069258710", "00692058710", "00692587100");
        assertThat(Ndc.candidates("0069-2587-10")).extracting(Ndc::value).containsExactly("00069258710");
        assertThat(Ndc.candidates("2501-813-16")).isEmpty();
    }

    /** Generated NDCs in every layout: the hyphenated form, and the bare 10 digits' candidates, hold the right code. */
    @ParameterizedTest
    @MethodSource("generatedCodes")
    void generatedCodesNormaliseAndRoundTrip(String hyphenated, String expected) {
        assertThat(Ndc.parse(hyphenated).value()).isEqualTo(expected);
        assertThat(Ndc.parse(Ndc.parse(hyphenated).formatted()).value()).isEqualTo(expected);
        String bare = hyphenated.replace("-", "");
        if (bare.length() == 10) {
            assertThat(Ndc.candidates(bare)).extracting(Ndc::value).contains(expected).hasSize(3);
        } else {
            assertThat(Ndc.parse(bare).value()).isEqualTo(expected);
        }
    }

    static Stream<Arguments> generatedCodes() {
        Random random = new Random(20260403L);
        int[][] layouts = {{4, 4, 2}, {5, 3, 2}, {5, 4, 1}, {5, 4, 2}};
        return IntStream.range(0, 400).mapToObj(i -> {
            int[] layout = layouts[i % layouts.length];
            String a = digits(random, layout[0]);
            String b = digits(random, layout[1]);
            String c = digits(random, layout[2]);
            String expected = pad(a, 5) + pad(b, 4) + pad(c, 2);
            return Arguments.of(a + "-" + b + "-" + c, expected);
        });
    }

    /** Arbitrary strings never break the parser: it either gives an 11-digit code or refuses with IllegalArgumentException. */
    @Test
    void arbitraryInputIsEitherAValidCodeOrARefusal() {
        Instancio.ofList(String.class).size(2000).create().forEach(this::parsesOrRefuses);
        Random random = new Random(7L);
        String alphabet = "0123456789-- x";
        for (int i = 0; i < 5000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(16); j > 0; j--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            parsesOrRefuses(s.toString());
        }
    }

    private void parsesOrRefuses(String input) {
        try {
            assertThat(Ndc.parse(input).value()).matches("[0-9]{11}");
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            if (input.strip().length() > 6) {
                assertThat(refused.getMessage()).as("the message never echoes the input").doesNotContain(input.strip());
            }
        }
        assertThat(Ndc.candidates(input)).allSatisfy(n -> assertThat(n.value()).matches("[0-9]{11}"));
    }

    private static String digits(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }

    private static String pad(String s, int length) {
        return "0".repeat(length - s.length()) + s;
    }
}
