package com.ai2aim.rx.prescriptions.internal;

import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.security.Role;
import com.ai2aim.rx.platform.web.PageCount;
import com.ai2aim.rx.platform.web.PageQuery;
import com.ai2aim.rx.platform.web.PageResult;
import com.ai2aim.rx.platform.web.ScopeUnion;
import com.ai2aim.rx.prescriptions.PrescriptionView;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for prescriptions, fills and dispenses; runs in the caller's transaction under row-level security. */
@Repository
class PrescriptionRepository {

    static final Map<String, String> SORTABLE = Map.of("createdAt", "p.created_at", "writtenDate", "p.written_date",
            "expiresOn", "p.expires_on", "status", "p.status", "rxNumber", "p.rx_number");
    private static final String SELECT = """
            select p.id, p.rx_number, p.org_id, p.patient_id, p.prescriber_id, p.medication_id, m.rxcui, m.name as medication_name,
                   p.pharmacy_id, p.dose, p.sig, p.quantity, p.quantity_unit, p.days_supply, p.refills_authorized,
                   p.refills_remaining, p.written_date, p.expires_on, p.substitution_allowed, p.diagnosis_code,
                   p.diagnosis_text, p.dea_schedule, p.controlled, p.status, p.status_reason, p.verification_status,
                   p.verification::text as verification, p.approved_by, p.approved_at, p.created_at, p.updated_at, p.version
            from prescriptions p join medications m on m.id = p.medication_id""";

    record Filter(UUID patientId, UUID prescriberId, UUID pharmacyId, String status, Boolean controlled, LocalDate expiringBefore) {}

    record NewPrescription(UUID orgId, UUID patientId, UUID prescriberId, UUID medicationId, UUID pharmacyId, String dose,
                           String sig, BigDecimal quantity, String quantityUnit, int daysSupply, int refillsAuthorized,
                           LocalDate writtenDate, LocalDate expiresOn, boolean substitutionAllowed, String diagnosisCode,
                           String diagnosisText, Integer deaSchedule, UUID createdBy) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PrescriptionRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<PrescriptionView> find(UUID id) {
        return jdbc.sql(SELECT + " where p.id = :id and p.deleted_at is null").param("id", id).query(this::view).optional();
    }

    /** Locks the row for a state change, so two concurrent moves on one prescription run one after the other. */
    Optional<PrescriptionView> lock(UUID id) {
        return jdbc.sql(SELECT + " where p.id = :id and p.deleted_at is null for update of p").param("id", id).query(this::view).optional();
    }

    PageResult<PrescriptionView> list(Filter filter, PageQuery page) {
        List<String> clauses = new ArrayList<>(List.of("p.deleted_at is null"));
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.patientId() != null) { clauses.add("p.patient_id = :patient"); params.put("patient", filter.patientId()); }
        if (filter.prescriberId() != null) { clauses.add("p.prescriber_id = :prescriber"); params.put("prescriber", filter.prescriberId()); }
        if (filter.pharmacyId() != null) { clauses.add("p.pharmacy_id = :pharmacy"); params.put("pharmacy", filter.pharmacyId()); }
        if (filter.status() != null) { clauses.add("p.status = :status"); params.put("status", filter.status()); }
        if (filter.controlled() != null) { clauses.add("p.controlled = :controlled"); params.put("controlled", filter.controlled()); }
        if (filter.expiringBefore() != null) { clauses.add("p.expires_on < :before"); params.put("before", filter.expiringBefore()); }
        String where = String.join(" and ", clauses);
        ScopeUnion scope = walksBranches(filter) ? scope(params) : scope(params).asOneCondition();
        ScopeUnion.preferGenericPlans(jdbc);
        // Pick the page's rows first, then join the medication names: joining before the limit made the planner hash
        // the whole catalogue for every list.
        List<PrescriptionView> items = jdbc.sql(SELECT + " where p.id in (" + scope.pageIds(where, page.orderBy()) + ") order by " + page.orderBy())
                .params(params).param("limit", page.limit()).param("offset", page.offset())
                .param("branchLimit", ScopeUnion.branchLimit(page)).query(this::view).list();
        PageCount.Total total = PageCount.counted(jdbc, scope.boundedCount(where), params, page, items.size());
        return PageResult.of(items, page, total);
    }

    /**
     * Whether the page should walk each scope branch in creation order. Not when a filter has its own index that finds
     * the few rows it matches (patient, prescriber, pharmacy), nor for an expiry cut-off: the prescriptions expiring
     * before a date are mostly old ones, so a walk from the newest reads most of the branch before it finds them.
     */
    private static boolean walksBranches(Filter filter) {
        return filter.patientId() == null && filter.prescriberId() == null && filter.pharmacyId() == null
                && filter.expiringBefore() == null;
    }

    /**
     * Repeats the row-level-security rule as plain predicates, one disjoint branch per index (organisation, pharmacy,
     * prescriber), so a page walks indexes in order instead of sorting every visible row; RLS still decides.
     */
    private static ScopeUnion scope(Map<String, Object> params) {
        Actor actor = Actors.current().orElse(null);
        if (actor == null || actor.isService() || actor.isGlobalAdmin()) {
            return ScopeUnion.everything("prescriptions p", "p");
        }
        params.put("scopeUser", actor.userId());
        if (actor.role() == Role.PATIENT) {
            return new ScopeUnion("prescriptions p", "p", List.of("p.patient_id in (select id from patients where user_id = :scopeUser)"));
        }
        params.put("scopeOrg", actor.orgId());
        return new ScopeUnion("prescriptions p", "p", List.of(
                "p.org_id = :scopeOrg",
                "p.pharmacy_id = :scopeOrg and p.org_id is distinct from :scopeOrg",
                "p.prescriber_id = :scopeUser and p.org_id is distinct from :scopeOrg and p.pharmacy_id is distinct from :scopeOrg"));
    }

    UUID insert(NewPrescription p) {
        return jdbc.sql("""
                insert into prescriptions (org_id, patient_id, prescriber_id, medication_id, pharmacy_id, dose, sig, quantity,
                    quantity_unit, days_supply, refills_authorized, refills_remaining, written_date, expires_on,
                    substitution_allowed, diagnosis_code, diagnosis_text, dea_schedule, created_by)
                values (:org, :patient, :prescriber, :medication, :pharmacy, :dose, :sig, :quantity, :unit, :days, :refills,
                    :refills, :written, :expires, :substitution, :dxCode, :dxText, :schedule, :createdBy)
                returning id""")
                .param("org", p.orgId()).param("patient", p.patientId()).param("prescriber", p.prescriberId())
                .param("medication", p.medicationId()).param("pharmacy", p.pharmacyId()).param("dose", p.dose())
                .param("sig", p.sig()).param("quantity", p.quantity()).param("unit", p.quantityUnit())
                .param("days", p.daysSupply()).param("refills", p.refillsAuthorized()).param("written", p.writtenDate())
                .param("expires", p.expiresOn()).param("substitution", p.substitutionAllowed())
                .param("dxCode", p.diagnosisCode()).param("dxText", p.diagnosisText()).param("schedule", p.deaSchedule())
                .param("createdBy", p.createdBy())
                .query(UUID.class).single();
    }

    /** Sets the given columns when the row is still at {@code expectedVersion} (null: any). */
    boolean update(UUID id, Integer expectedVersion, Map<String, Object> columns) {
        StringBuilder set = new StringBuilder();
        columns.keySet().forEach(c -> set.append(c).append(" = :").append(c).append(", "));
        String versionCheck = expectedVersion == null ? "" : " and version = :expected";
        var spec = jdbc.sql("update prescriptions set " + set + "version = version + 1, updated_at = now() where id = :id" + versionCheck)
                .params(columns).param("id", id);
        if (expectedVersion != null) {
            spec = spec.param("expected", expectedVersion);
        }
        return spec.update() == 1;
    }

    UUID insertFill(UUID prescriptionId, UUID filledBy, BigDecimal quantity, String ndc, String lot, LocalDate lotExpiresOn) {
        return jdbc.sql("""
                insert into prescription_fills (prescription_id, fill_number, filled_by, quantity, ndc, lot, lot_expires_on)
                values (:p, (select coalesce(max(fill_number), 0) + 1 from prescription_fills where prescription_id = :p),
                        :by, :quantity, :ndc, :lot, :lotExpires)
                returning id""")
                .param("p", prescriptionId).param("by", filledBy).param("quantity", quantity).param("ndc", ndc)
                .param("lot", lot).param("lotExpires", lotExpiresOn).query(UUID.class).single();
    }

    Optional<UUID> undispensedFill(UUID prescriptionId) {
        return jdbc.sql("""
                select f.id from prescription_fills f
                where f.prescription_id = :p and not exists (select 1 from prescription_dispenses d where d.fill_id = f.id)
                order by f.fill_number desc limit 1""").param("p", prescriptionId).query(UUID.class).optional();
    }

    UUID insertDispense(UUID prescriptionId, UUID fillId, UUID dispensedBy, boolean counselled, String notes) {
        return jdbc.sql("""
                insert into prescription_dispenses (prescription_id, fill_id, dispensed_by, counselled, notes)
                values (:p, :fill, :by, :counselled, :notes) returning id""")
                .param("p", prescriptionId).param("fill", fillId).param("by", dispensedBy).param("counselled", counselled)
                .param("notes", notes).query(UUID.class).single();
    }

    List<FillRecord> fills(UUID prescriptionId) {
        return jdbc.sql("""
                select f.id, f.fill_number, f.filled_by, f.filled_at, f.quantity, f.ndc, f.lot, f.lot_expires_on,
                       d.id as dispense_id, d.dispensed_by, d.dispensed_at, d.counselled
                from prescription_fills f left join prescription_dispenses d on d.fill_id = f.id
                where f.prescription_id = :p order by f.fill_number""")
                .param("p", prescriptionId)
                .query((rs, n) -> new FillRecord(uuid(rs, "id"), rs.getInt("fill_number"), uuid(rs, "filled_by"),
                        rs.getTimestamp("filled_at").toInstant(), rs.getBigDecimal("quantity"), rs.getString("ndc"),
                        rs.getString("lot"), rs.getObject("lot_expires_on", LocalDate.class), uuid(rs, "dispense_id"),
                        uuid(rs, "dispensed_by"), instant(rs.getTimestamp("dispensed_at")),
                        rs.getObject("dispense_id") != null && rs.getBoolean("counselled")))
                .list();
    }

    /** A product a patient is taking, with what the interaction check needs of it. */
    record ActiveMedication(UUID id, String name, List<String> ingredientRxcuis) {}

    /**
     * The distinct products of the patient's other prescriptions that are still in use, with their names and
     * ingredients, in one statement (the interaction checks run on every new prescription and under load, where each
     * round trip waits for a core). Products the caller may not see are left out, as the catalogue would.
     * {@code rx.interaction_facts} (migrations V4_8_1, V4_8_3) repeats this query for the interaction check, joined with the
     * patient; a change to what counts as active belongs in both.
     */
    List<ActiveMedication> activeMedicationsOf(UUID patientId, UUID except) {
        return jdbc.sql("""
                select m.id, m.name, m.ingredient_rxcuis from medications m
                where m.id in (select medication_id from prescriptions
                               where patient_id = :patient and id <> :except and deleted_at is null
                                 and status in ('pending', 'approved', 'filled', 'dispensed') and expires_on >= current_date)
                order by m.name, m.id""")
                .param("patient", patientId).param("except", except)
                .query((rs, n) -> new ActiveMedication(uuid(rs, "id"), rs.getString("name"),
                        List.of((String[]) rs.getArray("ingredient_rxcuis").getArray())))
                .list();
    }

    /** The patient's other prescriptions that are still in use (as the caller may see them), for verification. */
    List<PrescriptionView> activeOf(UUID patientId, UUID except) {
        return jdbc.sql(SELECT + " " + """
                where p.patient_id = :patient and p.id <> :except and p.deleted_at is null
                  and p.status in ('pending', 'approved', 'filled', 'dispensed') and p.expires_on >= current_date
                order by p.created_at""")
                .param("patient", patientId).param("except", except).query(this::view).list();
    }

    /** Forgets a verification result (the prescription changed); part of the change, so no new version. */
    void clearVerification(UUID id) {
        jdbc.sql("update prescriptions set verification_status = null, verification = null where id = :id").param("id", id).update();
    }

    /** Stores a verification result; {@code verificationJson} is the serialised findings, with no PHI. */
    void storeVerification(UUID id, String status, String verificationJson) {
        jdbc.sql("""
                update prescriptions set verification_status = :status, verification = cast(:json as jsonb),
                    version = version + 1, updated_at = now()
                where id = :id""")
                .param("status", status).param("json", verificationJson).param("id", id).update();
    }

    List<TimelineRow> timeline(UUID patientId) {
        return jdbc.sql("""
                select p.created_at as at, 'prescription.written' as type, p.id from prescriptions p where p.patient_id = :patient and p.deleted_at is null
                union all
                select p.approved_at, 'prescription.approved', p.id from prescriptions p where p.patient_id = :patient and p.approved_at is not null
                union all
                select f.filled_at, 'prescription.filled', p.id from prescription_fills f join prescriptions p on p.id = f.prescription_id where p.patient_id = :patient
                union all
                select d.dispensed_at, 'prescription.dispensed', p.id from prescription_dispenses d join prescriptions p on p.id = d.prescription_id where p.patient_id = :patient
                """).param("patient", patientId)
                .query((rs, n) -> new TimelineRow(rs.getTimestamp(1).toInstant(), rs.getString(2), uuid(rs, "id"))).list();
    }

    record TimelineRow(java.time.Instant at, String type, UUID prescriptionId) {}

    /** One fill with its dispense, if any. */
    record FillRecord(UUID id, int fillNumber, UUID filledBy, java.time.Instant filledAt, BigDecimal quantity, String ndc,
                      String lot, LocalDate lotExpiresOn, UUID dispenseId, UUID dispensedBy, java.time.Instant dispensedAt,
                      boolean counselled) {}

    private PrescriptionView view(ResultSet rs, int row) throws SQLException {
        String verification = rs.getString("verification");
        @SuppressWarnings("unchecked")
        Map<String, Object> verificationMap = verification == null ? null : json.readValue(verification, Map.class);
        return new PrescriptionView(uuid(rs, "id"), "RX-" + rs.getLong("rx_number"), uuid(rs, "org_id"),
                uuid(rs, "patient_id"), uuid(rs, "prescriber_id"),
                new PrescriptionView.MedicationRef(uuid(rs, "medication_id"), rs.getString("rxcui"), rs.getString("medication_name")),
                uuid(rs, "pharmacy_id"), rs.getString("dose"), rs.getString("sig"), rs.getBigDecimal("quantity").stripTrailingZeros(),
                rs.getString("quantity_unit"), rs.getInt("days_supply"), rs.getInt("refills_authorized"),
                rs.getInt("refills_remaining"), rs.getObject("written_date", LocalDate.class),
                rs.getObject("expires_on", LocalDate.class), rs.getBoolean("substitution_allowed"),
                rs.getString("diagnosis_code"), rs.getString("diagnosis_text"), (Integer) rs.getObject("dea_schedule"),
                rs.getBoolean("controlled"), rs.getString("status"), rs.getString("status_reason"),
                rs.getString("verification_status"), verificationMap, uuid(rs, "approved_by"),
                instant(rs.getTimestamp("approved_at")), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")), rs.getInt("version"));
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : UUID.fromString(value);
    }

    private static java.time.Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
