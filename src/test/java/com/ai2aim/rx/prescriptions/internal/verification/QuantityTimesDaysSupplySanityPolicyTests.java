package com.ai2aim.rx.prescriptions.internal.verification;

import static com.ai2aim.rx.prescriptions.internal.verification.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityTimesDaysSupplySanityPolicyTests {

    final QuantityTimesDaysSupplySanityPolicy policy = new QuantityTimesDaysSupplySanityPolicy();

    @ParameterizedTest(name = "{0} {1} over {2} days -> {3}")
    @CsvSource({"360, tablet, 30, NONE", "361, tablet, 30, QUANTITY_PER_DAY_HIGH", "13, capsule, 1, QUANTITY_PER_DAY_HIGH",
            "1000, mL, 30, NONE"})
    void moreThanTwelveOralSolidsADayNeedsReview(String quantity, String unit, int days, String expected) {
        List<String> codes = policy.apply(input(therapy(amoxicillin(), quantity, unit, days, 0))).stream().map(Finding::code).toList();
        assertThat(codes).isEqualTo(expected.equals("NONE") ? List.of() : List.of(expected));
    }

    @Test
    void doseFormDecidesWhenNoUnitIsGiven() {
        assertThat(policy.apply(input(therapy(amoxicillin(), "400", null, 30, 0)))).extracting(Finding::code)
                .containsExactly("QUANTITY_PER_DAY_HIGH");
    }

    @Test
    void moreThanNinetyDaysOfAControlledSubstanceNeedsReview() {
        assertThat(policy.apply(input(therapy(alprazolam(), "90", "tablet", 90, 0)))).isEmpty();
        assertThat(policy.apply(input(therapy(alprazolam(), "91", "tablet", 91, 0)))).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("CONTROLLED_DAYS_SUPPLY_HIGH");
            assertThat(f.severity()).isEqualTo(FindingSeverity.WARNING);
            assertThat(f.evidence()).containsEntry("daysSupply", 91);
        });
        assertThat(policy.apply(input(therapy(amoxicillin(), "180", "capsule", 180, 0)))).isEmpty();
    }
}
