package com.ai2aim.rx.prescriptions.internal.verification;

import static com.ai2aim.rx.prescriptions.internal.verification.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpioidDailyMmePolicyTests {

    final OpioidDailyMmePolicy policy = new OpioidDailyMmePolicy();

    @ParameterizedTest(name = "morphine {0} mg x {1} over {2} days -> {3}")
    @CsvSource({
            "10, 149.9, 30, NONE",     // 49.97 MME/day
            "10, 150, 30, MME_50",     // exactly 50
            "15, 179.9, 30, MME_50",   // 89.98
            "15, 180, 30, MME_90",     // exactly 90
            "30, 120, 30, MME_90"})    // 120
    void flagsAtFiftyAndNinetyInclusive(String mg, String quantity, int days, String expected) {
        List<Finding> findings = policy.apply(input(therapy(morphine(mg), quantity, days)));
        if (expected.equals("NONE")) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo(expected);
                assertThat(f.severity()).isEqualTo(FindingSeverity.WARNING);
                assertThat(f.source()).contains("2022");
            });
        }
    }

    @Test
    void exactlyFiftyReportsTheComputedFigures() {
        Finding f = policy.apply(input(therapy(morphine("10"), "150", 30))).get(0);
        assertThat((BigDecimal) f.evidence().get("totalDailyMme")).isEqualByComparingTo("50");
        assertThat((BigDecimal) f.evidence().get("prescriptionDailyMme")).isEqualByComparingTo("50");
    }

    @Test
    void sumsWithThePatientsOtherActiveOpioids() {
        // oxycodone 5 mg x 120 / 30 days x 1.5 = 30; other morphine 10 mg x 90 / 30 = 30 -> 60
        Therapy other = therapy(morphine("10"), "90", 30);
        Finding f = policy.apply(input(therapy(oxycodone5(), "120", 30), other)).get(0);
        assertThat(f.code()).isEqualTo("MME_50");
        assertThat((BigDecimal) f.evidence().get("totalDailyMme")).isEqualByComparingTo("60");
        assertThat(f.evidence().get("otherOpioidPrescriptionIds")).isEqualTo(List.of(other.prescriptionId().toString()));
        assertThat(policy.apply(input(therapy(oxycodone5(), "120", 30)))).isEmpty();
    }

    @Test
    void usesTheOpioidComponentOfACombinationProduct() {
        var combo = product("325 MG / 10 MG", "Oral Tablet", "opioid analgesic", 2, "1.5", ACETAMINOPHEN, OXYCODONE);
        // 10 mg x 120 / 30 x 1.5 = 60 (the 325 mg acetaminophen would give 1950)
        Finding f = policy.apply(input(therapy(combo, "120", 30))).get(0);
        assertThat((BigDecimal) f.evidence().get("totalDailyMme")).isEqualByComparingTo("60");
    }

    @Test
    void fentanylPatchesCountTheirHourlyRateAllDay() {
        var patch = product("50 MCG/HR", "Transdermal System", "opioid analgesic", 2, "2.4", FENTANYL);
        Finding f = policy.apply(input(therapy(patch, "10", "patch", 30, 0))).get(0);
        assertThat(f.code()).isEqualTo("MME_90");
        assertThat((BigDecimal) f.evidence().get("totalDailyMme")).isEqualByComparingTo("120");
    }

    @Test
    void oralSolutionsUseMilligramsPerMillilitre() {
        var solution = product("2 MG/ML", "Oral Solution", "opioid analgesic", 2, "1", MORPHINE);
        // 2 mg/mL x 750 mL / 30 days = 50
        assertThat(policy.apply(input(therapy(solution, "750", "mL", 30, 0)))).extracting(Finding::code).containsExactly("MME_50");
    }

    @Test
    void anOpioidWithoutAFactorIsNotedButNotBlocked() {
        var buprenorphine = product("8 MG", "Sublingual Tablet", "opioid partial agonist", 3, null,
                new com.ai2aim.rx.medications.Ingredient("1819", "buprenorphine"));
        assertThat(policy.apply(input(therapy(buprenorphine, "30", 30)))).singleElement()
                .satisfies(f -> {
                    assertThat(f.code()).isEqualTo("MME_NOT_COMPUTED");
                    assertThat(f.severity()).isEqualTo(FindingSeverity.INFO);
                });
        var spray = product("0.1 MG/ACTUAT", "Nasal Spray", "opioid analgesic", 2, "1", FENTANYL);
        assertThat(policy.apply(input(therapy(spray, "10", "spray", 30, 0)))).extracting(Finding::code)
                .containsExactly("MME_NOT_COMPUTED");
    }

    @Test
    void nonOpioidsAreNotChecked() {
        assertThat(policy.apply(input(therapy(alprazolam(), "9000", 1), therapy(morphine("100"), "900", 1)))).isEmpty();
        var naloxone = product("4 MG", "Nasal Spray", "opioid antagonist", null, null,
                new com.ai2aim.rx.medications.Ingredient("7242", "naloxone"));
        assertThat(policy.apply(input(therapy(naloxone, "2", "spray", 1, 0)))).isEmpty();
    }
}
