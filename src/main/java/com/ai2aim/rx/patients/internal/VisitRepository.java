package com.ai2aim.rx.patients.internal;

import static com.ai2aim.rx.patients.internal.PatientRepository.instant;
import static com.ai2aim.rx.patients.internal.PatientRepository.uuid;

import com.ai2aim.rx.patients.internal.PatientDetails.VisitRecord;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code patient_visits}. */
@Repository
class VisitRepository {

    private final JdbcClient jdbc;

    VisitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    VisitRecord insert(UUID patientId, UUID orgId, String type, Instant at, UUID performedBy, String notes) {
        return jdbc.sql("""
                insert into patient_visits (patient_id, org_id, type, occurred_at, performed_by, notes)
                values (:patient, :org, :type, :at, :by, :notes)
                returning id, patient_id, org_id, type, occurred_at, performed_by, notes, recorded_at""")
                .param("patient", patientId).param("org", orgId).param("type", type).param("at", Timestamp.from(at))
                .param("by", performedBy).param("notes", notes)
                .query((rs, n) -> new VisitRecord(uuid(rs, "id"), uuid(rs, "patient_id"), uuid(rs, "org_id"),
                        rs.getString("type"), instant(rs, "occurred_at"), uuid(rs, "performed_by"), rs.getString("notes"),
                        instant(rs, "recorded_at")))
                .single();
    }
}
