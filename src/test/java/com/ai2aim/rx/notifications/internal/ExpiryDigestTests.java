package com.ai2aim.rx.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.prescriptions.ExpiringPrescription;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExpiryDigestTests {

    static final UUID PHARMACY_A = UUID.randomUUID();
    static final UUID PHARMACY_B = UUID.randomUUID();

    static ExpiringPrescription rx(int n, UUID pharmacy) {
        return new ExpiringPrescription(UUID.randomUUID(), "RX-" + (1_000_000 + n), UUID.randomUUID(), UUID.randomUUID(),
                pharmacy, LocalDate.of(2026, 12, 10));
    }

    @Test
    void aLongDigestListsTwentyAndCountsTheRestWithinATemplateVariablesLimit() {
        List<ExpiringPrescription> told = IntStream.range(0, 50).mapToObj(i -> rx(i, PHARMACY_A)).toList();

        String listed = NotifyExpiringPrescriptionsJob.listed(told);

        assertThat(listed).startsWith("RX-1000000 (2026-12-10), RX-1000001").endsWith(" and 30 more");
        assertThat(listed.length()).isLessThan(1000);
        assertThat(NotifyExpiringPrescriptionsJob.listed(told.subList(0, 2))).isEqualTo("RX-1000000 (2026-12-10), RX-1000001 (2026-12-10)");
    }

    @Test
    void aPageIsGroupedByPharmacyInGroupsOfAtMostFifty() {
        List<ExpiringPrescription> page = IntStream.range(0, 130)
                .mapToObj(i -> rx(i, i % 2 == 0 ? PHARMACY_A : PHARMACY_B)).toList();

        List<List<ExpiringPrescription>> groups = NotifyExpiringPrescriptionsJob.byPharmacy(page);

        assertThat(groups).extracting(List::size).containsExactly(50, 15, 50, 15);
        assertThat(groups).allSatisfy(g -> assertThat(g).extracting(ExpiringPrescription::pharmacyId).containsOnly(g.get(0).pharmacyId()));
    }
}
