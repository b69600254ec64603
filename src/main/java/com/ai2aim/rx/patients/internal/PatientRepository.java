package com.ai2aim.rx.patients.internal;

import com.ai2aim.rx.platform.db.TextPrefix;
import com.ai2aim.rx.platform.web.PageCount;
import com.ai2aim.rx.platform.web.PageQuery;
import com.ai2aim.rx.platform.web.PageResult;
import com.ai2aim.rx.platform.web.ScopeUnion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.security.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for {@code patients}. Runs in the caller's transaction, so row-level security decides which rows exist. */
@Repository
class PatientRepository {

    static final Map<String, String> SORTABLE = Map.of("lastName", "lower(last_name)", "firstName", "lower(first_name)",
            "dateOfBirth", "date_of_birth", "mrn", "mrn", "createdAt", "created_at", "updatedAt", "updated_at");
    static final String DEFAULT_ORDER = "created_at desc, id";
    private static final String COLUMNS = """
            id, org_id, mrn, first_name, last_name, date_of_birth, sex_at_birth, gender_identity, phone, email,
            address::text as address, preferred_pharmacy_id, user_id,
            communication_preferences::text as communication_preferences, is_active, deleted_at, created_at,
            updated_at, version""";
    private static final Set<String> JSONB_COLUMNS = Set.of("address", "communication_preferences");

    /** List filters; {@code name} is a case-insensitive prefix of the first or the last name. */
    record Filter(String name, LocalDate dateOfBirth, String mrn, String phone, Boolean active, boolean includeDeleted) {}

    /** A new patient's columns, already validated and placed in its organisation. */
    record NewPatient(UUID orgId, String mrn, String firstName, String lastName, LocalDate dateOfBirth, String sexAtBirth,
                      String genderIdentity, String phone, String email, PatientRequests.Address address,
                      UUID preferredPharmacyId, UUID userId, PatientRequests.CommunicationPreferences preferences,
                      UUID createdBy) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PatientRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Repeats the row-level-security rule as plain predicates, one disjoint branch per index (organisation, preferred
     * pharmacy), so a page walks indexes instead of sorting every patient the caller may see; RLS still decides.
     */
    private static ScopeUnion scope(Map<String, Object> params) {
        Actor actor = Actors.current().orElse(null);
        if (actor == null || actor.isService() || actor.isGlobalAdmin()) {
            return ScopeUnion.everything("patients", "patients");
        }
        if (actor.role() == Role.PATIENT) {
            params.put("scopeUser", actor.userId());
            return new ScopeUnion("patients", "patients", List.of("user_id = :scopeUser"));
        }
        params.put("scopeOrg", actor.orgId());
        return new ScopeUnion("patients", "patients", List.of(
                "org_id = :scopeOrg", "preferred_pharmacy_id = :scopeOrg and org_id is distinct from :scopeOrg"));
    }

    Optional<PatientRow> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from patients where id = :id").param("id", id).query(this::row).optional();
    }

    PageResult<PatientRow> list(Filter filter, PageQuery page) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (!filter.includeDeleted()) {
            clauses.add("deleted_at is null");
        }
        if (filter.name() != null) {
            // The range lets the (organisation, name) indexes serve a prepared statement's generic plan, which cannot
            // read a prefix out of a parameter; starts_with keeps the match exact. See V4_7_0 for why the columns.
            String prefix = filter.name().toLowerCase(java.util.Locale.ROOT);
            clauses.add("""
                    ((last_name_lower ~>=~ :name and last_name_lower ~<~ :nameEnd)
                      or (first_name_lower ~>=~ :name and first_name_lower ~<~ :nameEnd))
                    and (starts_with(last_name_lower, :name) or starts_with(first_name_lower, :name))""");
            params.put("name", prefix);
            params.put("nameEnd", TextPrefix.end(prefix));
        }
        if (filter.dateOfBirth() != null) { clauses.add("date_of_birth = :dob"); params.put("dob", filter.dateOfBirth()); }
        if (filter.mrn() != null) { clauses.add("mrn = :mrn"); params.put("mrn", filter.mrn()); }
        if (filter.phone() != null) { clauses.add("phone = :phone"); params.put("phone", filter.phone()); }
        if (filter.active() != null) { clauses.add("is_active = :active"); params.put("active", filter.active()); }
        String where = String.join(" and ", clauses);
        ScopeUnion scope = scope(params);
        ScopeUnion.preferGenericPlans(jdbc);
        List<PatientRow> items = jdbc.sql("select " + COLUMNS + " from patients where id in (" + scope.pageIds(where, page.orderBy())
                        + ") order by " + page.orderBy())
                .params(params).param("limit", page.limit()).param("offset", page.offset())
                .param("branchLimit", ScopeUnion.branchLimit(page)).query(this::row).list();
        PageCount.Total total = PageCount.counted(jdbc, scope.boundedCount(where), params, page, items.size());
        return PageResult.of(items, page, total);
    }

    UUID insert(NewPatient p) {
        return jdbc.sql("""
                insert into patients (org_id, mrn, first_name, last_name, date_of_birth, sex_at_birth, gender_identity,
                    phone, email, address, preferred_pharmacy_id, user_id, communication_preferences, created_by)
                values (:org, :mrn, :first, :last, :dob, :sex, :gender, :phone, :email, cast(:address as jsonb),
                    :pharmacy, :user, cast(:prefs as jsonb), :by)
                returning id""")
                .param("org", p.orgId()).param("mrn", p.mrn()).param("first", p.firstName()).param("last", p.lastName())
                .param("dob", p.dateOfBirth()).param("sex", p.sexAtBirth()).param("gender", p.genderIdentity())
                .param("phone", p.phone()).param("email", p.email()).param("address", toJson(p.address()))
                .param("pharmacy", p.preferredPharmacyId()).param("user", p.userId())
                .param("prefs", toJson(p.preferences())).param("by", p.createdBy())
                .query(UUID.class).single();
    }

    /**
     * Applies the given column values and moves the version on, if the row is still at {@code expectedVersion}
     * (null: any version) and not deleted. An empty map still moves the version: the clinical lists changed.
     */
    boolean update(UUID id, Integer expectedVersion, Map<String, Object> columns) {
        StringBuilder set = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        columns.forEach((column, value) -> {
            boolean jsonb = JSONB_COLUMNS.contains(column);
            set.append(column).append(jsonb ? " = cast(:" + column + " as jsonb), " : " = :" + column + ", ");
            params.put(column, jsonb ? toJson(value) : value);
        });
        String versionCheck = expectedVersion == null ? "" : " and version = :expected";
        var spec = jdbc.sql("update patients set " + set + "version = version + 1, updated_at = now() where id = :id"
                        + " and deleted_at is null" + versionCheck)
                .params(params).param("id", id);
        if (expectedVersion != null) {
            spec = spec.param("expected", expectedVersion);
        }
        return spec.update() == 1;
    }

    boolean softDelete(UUID id, Integer expectedVersion) {
        String versionCheck = expectedVersion == null ? "" : " and version = :expected";
        var spec = jdbc.sql("update patients set deleted_at = now(), is_active = false, version = version + 1, updated_at = now()"
                + " where id = :id and deleted_at is null" + versionCheck).param("id", id);
        if (expectedVersion != null) {
            spec = spec.param("expected", expectedVersion);
        }
        return spec.update() == 1;
    }

    /** Live patients of the organisation born on that day, with their names (for an exact name comparison). */
    List<PatientRow> bornOn(UUID orgId, java.time.LocalDate dateOfBirth) {
        return jdbc.sql("select * from patients where date_of_birth = :dob and org_id = :org and deleted_at is null limit 50")
                .param("dob", dateOfBirth).param("org", orgId).query(this::row).list();
    }

    boolean mrnTaken(UUID orgId, String mrn, UUID exceptPatient) {
        return jdbc.sql("select exists (select 1 from patients where org_id = :org and mrn = :mrn and id is distinct from :except)")
                .param("org", orgId).param("mrn", mrn).param("except", exceptPatient).query(Boolean.class).single();
    }

    boolean userLinkedElsewhere(UUID userId, UUID exceptPatient) {
        return jdbc.sql("select exists (select 1 from patients where user_id = :user and deleted_at is null and id is distinct from :except)")
                .param("user", userId).param("except", exceptPatient).query(Boolean.class).single();
    }

    /** Whether the organisation exists and the caller can see it (identity's table, read under its RLS). */
    boolean organisationVisible(UUID orgId) {
        return jdbc.sql("select exists (select 1 from organizations where id = :id)").param("id", orgId).query(Boolean.class).single();
    }

    boolean isActivePharmacy(UUID orgId) {
        return jdbc.sql("select rx.is_active_pharmacy(:id)").param("id", orgId).query(Boolean.class).single();
    }

    /** Whether the user is an active patient-role user of the organisation, as far as the caller can see. */
    boolean isPatientUserOf(UUID userId, UUID orgId) {
        return jdbc.sql("select exists (select 1 from users where id = :id and org_id = :org and role = 'patient' and is_active)")
                .param("id", userId).param("org", orgId).query(Boolean.class).single();
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private PatientRow row(ResultSet rs, int n) throws SQLException {
        return new PatientRow(uuid(rs, "id"), uuid(rs, "org_id"), rs.getString("mrn"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getObject("date_of_birth", LocalDate.class), rs.getString("sex_at_birth"),
                rs.getString("gender_identity"), rs.getString("phone"), rs.getString("email"),
                fromJson(rs.getString("address"), PatientRequests.Address.class), uuid(rs, "preferred_pharmacy_id"),
                uuid(rs, "user_id"), fromJson(rs.getString("communication_preferences"), PatientRequests.CommunicationPreferences.class),
                rs.getBoolean("is_active"), instant(rs, "deleted_at"), instant(rs, "created_at"), instant(rs, "updated_at"),
                rs.getInt("version"));
    }

    private <T> T fromJson(String text, Class<T> type) {
        return text == null ? null : json.readValue(text, type);
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : UUID.fromString(value);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
