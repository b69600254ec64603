package com.ai2aim.rx.patients.internal;

import static com.ai2aim.rx.patients.internal.PatientRepository.instant;
import static com.ai2aim.rx.patients.internal.PatientRepository.uuid;

import com.ai2aim.rx.patients.internal.PatientDetails.AllergyRecord;
import com.ai2aim.rx.patients.internal.PatientDetails.ClinicalLists;
import com.ai2aim.rx.patients.internal.PatientDetails.ConditionRecord;
import com.ai2aim.rx.patients.internal.PatientDetails.CoverageRecord;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for a patient's allergies, conditions and coverages. Items are never deleted: a replaced list marks the
 * items it drops as removed, so the history still shows when each was recorded.
 */
@Repository
class ClinicalRepository {

    private final JdbcClient jdbc;

    ClinicalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ClinicalLists current(UUID patientId) {
        return new ClinicalLists(allergies(patientId), conditions(patientId), coverages(patientId));
    }

    List<AllergyRecord> allergies(UUID patientId) {
        return jdbc.sql("""
                select id, substance, rxcui, drug_class, reaction, severity, recorded_at, recorded_by
                from patient_allergies where patient_id = :patient and removed_at is null order by recorded_at, id""")
                .param("patient", patientId)
                .query((rs, n) -> new AllergyRecord(uuid(rs, "id"), rs.getString("substance"), rs.getString("rxcui"),
                        rs.getString("drug_class"), rs.getString("reaction"), rs.getString("severity"),
                        instant(rs, "recorded_at"), uuid(rs, "recorded_by")))
                .list();
    }

    List<ConditionRecord> conditions(UUID patientId) {
        return jdbc.sql("""
                select id, icd10_code, text, recorded_at, recorded_by
                from patient_conditions where patient_id = :patient and removed_at is null order by recorded_at, id""")
                .param("patient", patientId)
                .query((rs, n) -> new ConditionRecord(uuid(rs, "id"), rs.getString("icd10_code"), rs.getString("text"),
                        instant(rs, "recorded_at"), uuid(rs, "recorded_by")))
                .list();
    }

    List<CoverageRecord> coverages(UUID patientId) {
        return jdbc.sql("""
                select id, payer_name, member_id, group_number, bin, pcn, relationship, priority
                from patient_coverages where patient_id = :patient and removed_at is null order by priority, recorded_at, id""")
                .param("patient", patientId)
                .query((rs, n) -> new CoverageRecord(uuid(rs, "id"), rs.getString("payer_name"), rs.getString("member_id"),
                        rs.getString("group_number"), rs.getString("bin"), rs.getString("pcn"), rs.getString("relationship"),
                        rs.getInt("priority")))
                .list();
    }

    UUID insertAllergy(UUID patientId, PatientRequests.Allergy a, UUID by) {
        return jdbc.sql("""
                insert into patient_allergies (patient_id, substance, rxcui, drug_class, reaction, severity, recorded_by)
                values (:patient, :substance, :rxcui, :class, :reaction, :severity, :by) returning id""")
                .param("patient", patientId).param("substance", a.substance()).param("rxcui", a.rxcui())
                .param("class", a.drugClass()).param("reaction", a.reaction()).param("severity", a.severity())
                .param("by", by).query(UUID.class).single();
    }

    void updateAllergy(UUID id, PatientRequests.Allergy a) {
        jdbc.sql("""
                update patient_allergies set substance = :substance, rxcui = :rxcui, drug_class = :class,
                    reaction = :reaction, severity = :severity where id = :id and removed_at is null""")
                .param("substance", a.substance()).param("rxcui", a.rxcui()).param("class", a.drugClass())
                .param("reaction", a.reaction()).param("severity", a.severity()).param("id", id).update();
    }

    UUID insertCondition(UUID patientId, PatientRequests.Condition c, UUID by) {
        return jdbc.sql("""
                insert into patient_conditions (patient_id, icd10_code, text, recorded_by)
                values (:patient, :code, :text, :by) returning id""")
                .param("patient", patientId).param("code", normalisedCode(c)).param("text", c.text()).param("by", by)
                .query(UUID.class).single();
    }

    void updateCondition(UUID id, PatientRequests.Condition c) {
        jdbc.sql("update patient_conditions set icd10_code = :code, text = :text where id = :id and removed_at is null")
                .param("code", normalisedCode(c)).param("text", c.text()).param("id", id).update();
    }

    UUID insertCoverage(UUID patientId, PatientRequests.Coverage c, UUID by) {
        return jdbc.sql("""
                insert into patient_coverages (patient_id, payer_name, member_id, group_number, bin, pcn, relationship,
                    priority, recorded_by)
                values (:patient, :payer, :member, :group, :bin, :pcn, :relationship, :priority, :by) returning id""")
                .param("patient", patientId).param("payer", c.payerName()).param("member", c.memberId())
                .param("group", c.groupNumber()).param("bin", c.bin()).param("pcn", c.pcn())
                .param("relationship", c.relationship()).param("priority", c.priority() == null ? 1 : c.priority())
                .param("by", by).query(UUID.class).single();
    }

    void updateCoverage(UUID id, PatientRequests.Coverage c) {
        jdbc.sql("""
                update patient_coverages set payer_name = :payer, member_id = :member, group_number = :group, bin = :bin,
                    pcn = :pcn, relationship = :relationship, priority = :priority where id = :id and removed_at is null""")
                .param("payer", c.payerName()).param("member", c.memberId()).param("group", c.groupNumber())
                .param("bin", c.bin()).param("pcn", c.pcn()).param("relationship", c.relationship())
                .param("priority", c.priority() == null ? 1 : c.priority()).param("id", id).update();
    }

    /** Marks the patient's current items of {@code table} as removed, except those kept. */
    void removeAllExcept(ClinicalTable table, UUID patientId, Collection<UUID> kept, UUID by) {
        String keep = kept.isEmpty() ? "" : " and id not in (:kept)";
        var spec = jdbc.sql("update " + table.sqlName + " set removed_at = now(), removed_by = :by"
                        + " where patient_id = :patient and removed_at is null" + keep)
                .param("by", by).param("patient", patientId);
        if (!kept.isEmpty()) {
            spec = spec.param("kept", List.copyOf(kept));
        }
        spec.update();
    }

    private static String normalisedCode(PatientRequests.Condition c) {
        return c.icd10Code().toUpperCase(Locale.ROOT);
    }

    /** The list tables, named here so no SQL is built from input. */
    enum ClinicalTable {
        ALLERGIES("patient_allergies"), CONDITIONS("patient_conditions"), COVERAGES("patient_coverages");

        final String sqlName;

        ClinicalTable(String sqlName) {
            this.sqlName = sqlName;
        }
    }
}
