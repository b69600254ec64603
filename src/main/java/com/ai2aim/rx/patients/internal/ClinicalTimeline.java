package com.ai2aim.rx.patients.internal;

import static com.ai2aim.rx.patients.internal.PatientRepository.instant;
import static com.ai2aim.rx.patients.internal.PatientRepository.uuid;

import com.ai2aim.rx.patients.PatientTimelineSource;
import com.ai2aim.rx.patients.TimelineEntry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** This module's own history entries: allergies and conditions recorded or removed, and visits. */
@Component
class ClinicalTimeline implements PatientTimelineSource {

    /** Summaries name what happened, never what was recorded: the substance or the diagnosis is PHI. */
    private static final Map<String, String> SUMMARIES = Map.of(
            "allergy.recorded", "Allergy recorded",
            "allergy.removed", "Allergy removed",
            "condition.recorded", "Condition recorded",
            "condition.removed", "Condition removed",
            "visit.consultation", "Consultation",
            "visit.pickup", "Pickup");

    private final JdbcClient jdbc;

    ClinicalTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> entriesFor(UUID patientId) {
        return jdbc.sql("""
                select recorded_at as at, 'allergy.recorded' as type, id, 'patient_allergy' as resource_type
                    from patient_allergies where patient_id = :patient
                union all
                select removed_at, 'allergy.removed', id, 'patient_allergy'
                    from patient_allergies where patient_id = :patient and removed_at is not null
                union all
                select recorded_at, 'condition.recorded', id, 'patient_condition'
                    from patient_conditions where patient_id = :patient
                union all
                select removed_at, 'condition.removed', id, 'patient_condition'
                    from patient_conditions where patient_id = :patient and removed_at is not null
                union all
                select occurred_at, 'visit.' || type, id, 'patient_visit'
                    from patient_visits where patient_id = :patient""")
                .param("patient", patientId)
                .query((rs, n) -> {
                    String type = rs.getString("type");
                    return new TimelineEntry(instant(rs, "at"), type, SUMMARIES.getOrDefault(type, "Record changed"),
                            uuid(rs, "id"), rs.getString("resource_type"));
                })
                .list();
    }
}
