package com.ai2aim.rx.prescriptions.internal.verification;

import static com.ai2aim.rx.prescriptions.internal.verification.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.medications.MedicationView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ControlledSubstanceRulesPolicyTests {

    final ControlledSubstanceRulesPolicy policy = new ControlledSubstanceRulesPolicy();

    List<String> codes(MedicationView product, int refills, LocalDate written, LocalDate expires) {
        Therapy rx = new Therapy(UUID.randomUUID(), product, BigDecimal.TEN, "tablet", 10, refills, written, expires);
        return policy.apply(new VerificationInput(rx, patient(), List.of(), TODAY)).stream().map(Finding::code).toList();
    }

    @ParameterizedTest(name = "schedule {0} with {1} refills -> {2}")
    @CsvSource(value = {"2,0,NONE", "2,1,CS_SCHEDULE_II_REFILLS", "3,5,NONE", "3,6,CS_REFILL_LIMIT", "5,6,CS_REFILL_LIMIT",
            "1,0,CS_SCHEDULE_I", "NULL,11,NONE"}, nullValues = "NULL")
    void refillRulesFollowTheSchedule(Integer schedule, int refills, String expected) {
        var product = product("5 MG", "Oral Tablet", null, schedule, null, OXYCODONE);
        List<String> codes = codes(product, refills, TODAY, TODAY.plusMonths(6));
        assertThat(codes).isEqualTo(expected.equals("NONE") ? List.of() : List.of(expected));
    }

    @Test
    void scheduleThreeToFiveMayNotOutliveSixMonths() {
        var product = product("0.5 MG", "Oral Tablet", "benzodiazepine", 4, null, ALPRAZOLAM);
        assertThat(codes(product, 0, TODAY, TODAY.plusMonths(6))).isEmpty();
        assertThat(codes(product, 0, TODAY, TODAY.plusMonths(6).plusDays(1))).containsExactly("CS_VALIDITY");
    }

    @Test
    void anExpiredPrescriptionIsAHardStopForAnyProduct() {
        Therapy rx = new Therapy(UUID.randomUUID(), amoxicillin(), BigDecimal.TEN, "capsule", 10, 0, TODAY.minusYears(1),
                TODAY.minusDays(1));
        assertThat(policy.apply(new VerificationInput(rx, patient(), List.of(), TODAY))).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("RX_EXPIRED");
            assertThat(f.severity()).isEqualTo(FindingSeverity.HARD_STOP);
        });
        assertThat(codes(amoxicillin(), 0, TODAY, TODAY)).isEmpty();
    }
}
