package com.ai2aim.rx.identity.internal;

import com.ai2aim.rx.platform.web.PageQuery;
import com.ai2aim.rx.platform.web.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for users. Runs in the caller's transaction, so row-level security decides which rows exist. */
@Repository
class UserRepository {

    static final Map<String, String> SORTABLE = Map.of("createdAt", "created_at", "email", "lower(email)",
            "fullName", "full_name", "role", "role", "lastLogin", "last_login");
    private static final String COLUMNS = """
            id, email, full_name, phone, role, org_id, is_active, last_login, user_metadata::text as user_metadata,
            npi, dea_number, language, created_at, updated_at, version""";

    private static final java.util.Set<String> JSONB_COLUMNS = java.util.Set.of("user_metadata");

    record Filter(String role, UUID orgId, Boolean active) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    UserRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<UserView> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = :id").param("id", id).query(this::view).optional();
    }

    Optional<UserView> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from users where lower(email) = lower(:email)").param("email", email)
                .query(this::view).optional();
    }

    PageResult<UserView> list(Filter filter, PageQuery page) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.role() != null) { clauses.add("role = :role"); params.put("role", filter.role()); }
        if (filter.orgId() != null) { clauses.add("org_id = :org"); params.put("org", filter.orgId()); }
        if (filter.active() != null) { clauses.add("is_active = :active"); params.put("active", filter.active()); }
        String where = clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
        long total = jdbc.sql("select count(*) from users" + where).params(params).query(Long.class).single();
        List<UserView> items = jdbc.sql("select " + COLUMNS + " from users" + where + " order by " + page.orderBy()
                        + " limit :limit offset :offset")
                .params(params).param("limit", page.limit()).param("offset", page.offset()).query(this::view).list();
        return PageResult.of(items, page, total);
    }

    UUID insert(String email, String fullName, String phone, String role, UUID orgId, Map<String, Object> metadata) {
        return jdbc.sql("""
                insert into users (email, full_name, phone, role, org_id, user_metadata)
                values (:email, :name, :phone, :role, :org, cast(:meta as jsonb)) returning id""")
                .param("email", email).param("name", fullName).param("phone", phone).param("role", role)
                .param("org", orgId).param("meta", json.writeValueAsString(metadata == null ? Map.of() : metadata))
                .query(UUID.class).single();
    }

    /** Applies the given column values if the row is still at {@code expectedVersion} (null: any version). */
    boolean update(UUID id, Integer expectedVersion, Map<String, Object> columns) {
        if (columns.isEmpty()) {
            return true;
        }
        StringBuilder set = new StringBuilder();
        columns.keySet().forEach(c -> set.append(c).append(JSONB_COLUMNS.contains(c) ? " = cast(:" + c + " as jsonb), " : " = :" + c + ", "));
        String versionCheck = expectedVersion == null ? "" : " and version = :expected";
        var spec = jdbc.sql("update users set " + set + "version = version + 1, updated_at = now() where id = :id" + versionCheck)
                .params(columns).param("id", id);
        if (expectedVersion != null) {
            spec = spec.param("expected", expectedVersion);
        }
        return spec.update() == 1;
    }

    void recordLogin(UUID id) {
        jdbc.sql("update users set last_login = now() where id = :id").param("id", id).update();
    }

    private UserView view(ResultSet rs, int row) throws SQLException {
        String org = rs.getString("org_id");
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = json.readValue(rs.getString("user_metadata"), Map.class);
        return new UserView(UUID.fromString(rs.getString("id")), rs.getString("email"), rs.getString("full_name"),
                rs.getString("phone"), rs.getString("role"), org == null ? null : UUID.fromString(org),
                rs.getBoolean("is_active"), instant(rs, "last_login"), metadata, rs.getString("npi"), rs.getString("dea_number"),
                rs.getString("language"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getInt("version"));
    }

    static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
