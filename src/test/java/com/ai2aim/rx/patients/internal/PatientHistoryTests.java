package com.ai2aim.rx.patients.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.patients.PatientTimelineSource;
import com.ai2aim.rx.patients.TimelineEntry;
import com.ai2aim.rx.platform.web.PageQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PatientHistoryTests {

    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
    private static final UUID PATIENT = UUID.randomUUID();

    @Test
    void mergesEverySourceNewestFirst() {
        PatientTimelineSource own = id -> List.of(entry(T.minusSeconds(60), "allergy.recorded"), entry(T.minusSeconds(10), "visit.pickup"));
        PatientTimelineSource prescriptions = id -> List.of(entry(T, "prescription.approved"), entry(T.minusSeconds(120), "prescription.created"));

        var page = PatientHistory.merge(List.of(own, prescriptions), PATIENT, PageQuery.of(null, null, null, Map.of(), "at desc"));

        assertThat(page.items()).extracting(TimelineEntry::type)
                .containsExactly("prescription.approved", "visit.pickup", "allergy.recorded", "prescription.created");
        assertThat(page.pagination().total()).isEqualTo(4);
    }

    @Test
    void entriesAtTheSameInstantKeepAFixedOrderSoPagesNeitherOverlapNorSkip() {
        UUID a = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        UUID b = UUID.fromString("00000000-0000-0000-0000-00000000000b");
        PatientTimelineSource first = id -> List.of(new TimelineEntry(T, "x", "X", b, "r"), new TimelineEntry(T, "x", "X", a, "r"));
        PatientTimelineSource second = id -> List.of(new TimelineEntry(T, "w", "W", null, null));

        var page1 = PatientHistory.merge(List.of(first, second), PATIENT, PageQuery.of("1", "2", null, Map.of(), "at desc"));
        var page2 = PatientHistory.merge(List.of(second, first), PATIENT, PageQuery.of("2", "2", null, Map.of(), "at desc"));

        assertThat(page1.items()).extracting(TimelineEntry::resourceId).containsExactly(null, a);
        assertThat(page2.items()).extracting(TimelineEntry::resourceId).containsExactly(b);
        assertThat(page2.pagination().hasNext()).isFalse();
    }

    @Test
    void aPageBeyondTheEndIsEmptyButKeepsTheTotal() {
        PatientTimelineSource one = id -> List.of(entry(T, "visit.pickup"));
        var page = PatientHistory.merge(List.of(one), PATIENT, PageQuery.of("5", "20", null, Map.of(), "at desc"));
        assertThat(page.items()).isEmpty();
        assertThat(page.pagination().total()).isEqualTo(1);
    }

    @Test
    void eachSourceIsAskedAboutThePatientItWasGiven() {
        List<UUID> asked = new java.util.ArrayList<>();
        PatientTimelineSource spy = id -> {
            asked.add(id);
            return List.of();
        };
        PatientHistory.merge(List.of(spy), PATIENT, PageQuery.of(null, null, null, Map.of(), "at desc"));
        assertThat(asked).containsExactly(PATIENT);
    }

    private static TimelineEntry entry(Instant at, String type) {
        return new TimelineEntry(at, type, type, UUID.randomUUID(), "test");
    }
}
