package com.ai2aim.rx.prescriptions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ErrorCode;
import com.ai2aim.rx.prescriptions.PrescriptionStatus;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LifecycleRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Test
    void followsPendingApprovedFilledDispensedAndRefills() {
        PrescriptionStatus s = Lifecycle.approve(PrescriptionStatus.PENDING);
        s = Lifecycle.fill(s, 1, TODAY.plusDays(30), TODAY);
        s = Lifecycle.dispense(s);
        assertThat(s).isEqualTo(PrescriptionStatus.DISPENSED);
        assertThat(Lifecycle.fill(s, 1, TODAY.plusDays(30), TODAY)).isEqualTo(PrescriptionStatus.FILLED);
    }

    @Test
    void refusesARefillWhenNoneRemain() {
        assertRefused(() -> Lifecycle.fill(PrescriptionStatus.DISPENSED, 0, TODAY.plusDays(30), TODAY), "no refills remain");
    }

    @Test
    void refusesToFillAnExpiredPrescription() {
        assertRefused(() -> Lifecycle.fill(PrescriptionStatus.APPROVED, 3, TODAY.minusDays(1), TODAY), "expired");
    }

    @ParameterizedTest
    @EnumSource(value = PrescriptionStatus.class, names = {"PENDING", "FILLED", "CANCELLED", "REJECTED", "EXPIRED"})
    void fillIsRefusedFromEveryOtherState(PrescriptionStatus from) {
        assertRefused(() -> Lifecycle.fill(from, 5, TODAY.plusDays(30), TODAY), "Cannot fill");
    }

    @ParameterizedTest
    @EnumSource(PrescriptionStatus.class)
    void everyStateAllowsExactlyTheDocumentedMoves(PrescriptionStatus from) {
        assertThat(allowed(() -> Lifecycle.approve(from))).isEqualTo(from == PrescriptionStatus.PENDING);
        assertThat(allowed(() -> Lifecycle.reject(from))).isEqualTo(from == PrescriptionStatus.PENDING);
        assertThat(allowed(() -> Lifecycle.cancel(from))).isEqualTo(EnumSet.of(PrescriptionStatus.PENDING, PrescriptionStatus.APPROVED).contains(from));
        assertThat(allowed(() -> Lifecycle.dispense(from))).isEqualTo(from == PrescriptionStatus.FILLED);
        assertThat(allowed(() -> Lifecycle.fill(from, 1, TODAY, TODAY)))
                .isEqualTo(from == PrescriptionStatus.APPROVED || from == PrescriptionStatus.DISPENSED);
    }

    @Test
    void scheduleTwoCannotBeRefilledAndThreeToFiveAtMostFiveTimes() {
        ControlledSubstanceRules rules = new ControlledSubstanceRules(Period.ofMonths(12));
        assertThatThrownBy(() -> rules.checkRefills(2, 1)).hasMessageContaining("validation");
        rules.checkRefills(2, 0);
        rules.checkRefills(3, 5);
        assertThatThrownBy(() -> rules.checkRefills(4, 6)).isInstanceOf(ApiException.class);
        rules.checkRefills(null, 11);
    }

    @Test
    void controlledPrescriptionsExpireAfterSixMonthsOthersAfterTheConfiguredPeriod() {
        ControlledSubstanceRules rules = new ControlledSubstanceRules(Period.ofMonths(12));
        LocalDate written = LocalDate.of(2026, 1, 15);
        assertThat(rules.expiry(4, written, null)).isEqualTo(LocalDate.of(2026, 7, 15));
        assertThat(rules.expiry(4, written, LocalDate.of(2027, 1, 1))).isEqualTo(LocalDate.of(2026, 7, 15));
        assertThat(rules.expiry(null, written, null)).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(rules.expiry(2, written, null)).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(rules.expiry(null, written, LocalDate.of(2026, 3, 1))).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThatThrownBy(() -> rules.expiry(null, written, written.minusDays(1))).isInstanceOf(ApiException.class);
    }

    @Test
    void controlledSubstancesNeedADeaNumber() {
        ControlledSubstanceRules rules = new ControlledSubstanceRules(Period.ofMonths(12));
        assertThatThrownBy(() -> rules.checkPrescriber(2, null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> rules.checkPrescriber(5, " ")).isInstanceOf(ApiException.class);
        rules.checkPrescriber(2, "BP1234563");
        rules.checkPrescriber(null, null);
    }

    private static boolean allowed(Runnable move) {
        try {
            move.run();
            return true;
        } catch (ApiException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION);
            return false;
        }
    }

    private static void assertRefused(Runnable move, String why) {
        assertThatThrownBy(move::run).isInstanceOf(ApiException.class).hasMessageContaining(why)
                .extracting(e -> ((ApiException) e).code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION);
    }
}
