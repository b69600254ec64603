package com.ai2aim.rx.patients.internal;

import com.ai2aim.rx.patients.PatientTimelineSource;
import com.ai2aim.rx.patients.TimelineEntry;
import com.ai2aim.rx.platform.web.PageQuery;
import com.ai2aim.rx.platform.web.PageResult;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's history: every {@link PatientTimelineSource} asked inside one read-only transaction (so each answers
 * under the caller's row-level security), merged newest first, then paged.
 */
@Service
class PatientHistory {

    /** Newest first; equal times in a fixed order so pages never overlap or skip. */
    static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(TimelineEntry::at).reversed()
            .thenComparing(TimelineEntry::type)
            .thenComparing(e -> e.resourceId() == null ? "" : e.resourceId().toString());

    private final PatientService patients;
    private final List<PatientTimelineSource> sources;

    PatientHistory(PatientService patients, List<PatientTimelineSource> sources) {
        this.patients = patients;
        this.sources = List.copyOf(sources);
    }

    /** One page of a patient's history, with the organisation the patient belongs to (for the access record). */
    record Timeline(UUID orgId, PageResult<TimelineEntry> page) {}

    @Transactional(readOnly = true)
    public Timeline of(UUID patientId, PageQuery page) {
        PatientRow patient = patients.visible(patientId);
        return new Timeline(patient.orgId(), merge(sources, patient.id(), page));
    }

    static PageResult<TimelineEntry> merge(List<PatientTimelineSource> sources, UUID patientId, PageQuery page) {
        List<TimelineEntry> all = sources.stream().flatMap(s -> s.entriesFor(patientId).stream()).sorted(NEWEST_FIRST).toList();
        int from = (int) Math.min(page.offset(), all.size());
        int to = Math.min(from + page.limit(), all.size());
        return PageResult.of(all.subList(from, to), page, all.size());
    }
}
