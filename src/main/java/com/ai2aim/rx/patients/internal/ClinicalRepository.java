package com.ai2aim.rx.patients.internal;

import static com.ai2aim.rx.patients.internal.PatientRepository.instant;
import static com.ai2aim.rx.patients.internal.PatientRepository.uuid;

import com.ai2aim.rx.patients.internal.PatientDetails.AllergyRecord;
import com.ai2aim.rx.patients.internal.PatientDetails.ClinicalLists;
import com.ai2aim.rx.patients.internal.PatientDetails.ConditionRecord;
import com.ai2aim.rx.patients.internal.PatientDetails.CoverageRecord;
import java.util.ArrayList;
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

    /**
     * The three current lists in one statement: every patient read (the API's GET, verification, the interaction
     * check's callers) needs all three, and under load each round trip waits for a core. The rows share positional
     * columns: {@code a} to {@code f} are each list's own fields in the order of its single-list query below, and the
     * sort keeps each list in that query's order.
     */
    ClinicalLists current(UUID patientId) {
        List<AllergyRecord> allergies = new ArrayList<>();
        List<ConditionRecord> conditions = new ArrayList<>();
        List<CoverageRecord> coverages = new ArrayList<>();
        jdbc.sql("""
                select 1 as list, id, recorded_at, recorded_by, 0 as priority,
                       substance as a, rxcui as b, drug_class as c, reaction as d, severity as e, null as f
                from patient_allergies where patient_id = :patient and removed_at is null
                union all
                select 2, id, recorded_at, recorded_by, 0, icd10_code, text, null, null, null, null
                from patient_conditions where patient_id = :patient and removed_at is null
                union all
                select 3, id, recorded_at, recorded_by, priority, payer_name, member_id, group_number, bin, pcn, relationship
                from patient_coverages where patient_id = :patient and removed_at is null
                order by list, priority, recorded_at, id""")
                .param("patient", patientId)
                .query(rs -> {
                    switch (rs.getInt("list")) {
                        case 1 -> allergies.add(new AllergyRecord(uuid(rs, "id"), rs.getString("a"), rs.getString("b"),
                                rs.getString("c"), rs.getString("d"), rs.getString("e"), instant(rs, "recorded_at"),
                                uuid(rs, "recorded_by")));
                        case 2 -> conditions.add(new ConditionRecord(uuid(rs, "id"), rs.getString("a"), rs.getString("b"),
                                instant(rs, "recorded_at"), uuid(rs, "recorded_by")));
                        default -> coverages.add(new CoverageRecord(uuid(rs, "id"), rs.getString("a"), rs.getString("b"),
                                rs.getString("c"), rs.getString("d"), rs.getString("e"), rs.getString("f"),
                                rs.getInt("priority")));
                    }
                });
        return new ClinicalLists(allergies, conditions, coverages);
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
