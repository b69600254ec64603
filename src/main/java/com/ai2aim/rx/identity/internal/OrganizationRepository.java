package com.ai2aim.rx.identity.internal;

import com.ai2aim.rx.platform.web.PageQuery;
import com.ai2aim.rx.platform.web.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for organisations, under row-level security. */
@Repository
class OrganizationRepository {

    static final Map<String, String> SORTABLE = Map.of("name", "lower(name)", "createdAt", "created_at", "kind", "kind");
    private static final String COLUMNS = "id, name, kind, npi, phone, email, address::text as address, is_active, created_at, updated_at, version";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    OrganizationRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<OrganizationView> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from organizations where id = :id").param("id", id).query(this::view).optional();
    }

    PageResult<OrganizationView> list(PageQuery page) {
        long total = jdbc.sql("select count(*) from organizations").query(Long.class).single();
        List<OrganizationView> items = jdbc.sql("select " + COLUMNS + " from organizations order by " + page.orderBy()
                + " limit :limit offset :offset").param("limit", page.limit()).param("offset", page.offset()).query(this::view).list();
        return PageResult.of(items, page, total);
    }

    UUID insert(OrganizationRequests.Create r) {
        return jdbc.sql("""
                insert into organizations (name, kind, npi, phone, email, address)
                values (:name, :kind, :npi, :phone, :email, cast(:address as jsonb)) returning id""")
                .param("name", r.name()).param("kind", r.kind()).param("npi", r.npi()).param("phone", r.phone())
                .param("email", r.email()).param("address", json.writeValueAsString(r.address() == null ? Map.of() : r.address()))
                .query(UUID.class).single();
    }

    boolean update(UUID id, Integer expectedVersion, OrganizationRequests.Update r) {
        String versionCheck = expectedVersion == null ? "" : " and version = :expected";
        var spec = jdbc.sql("""
                update organizations set name = coalesce(:name, name), npi = coalesce(:npi, npi),
                    phone = coalesce(:phone, phone), email = coalesce(:email, email),
                    address = coalesce(cast(:address as jsonb), address), is_active = coalesce(:active, is_active),
                    version = version + 1, updated_at = now()
                where id = :id""" + versionCheck)
                .param("name", r.name()).param("npi", r.npi()).param("phone", r.phone()).param("email", r.email())
                .param("address", r.address() == null ? null : json.writeValueAsString(r.address()))
                .param("active", r.isActive()).param("id", id);
        if (expectedVersion != null) {
            spec = spec.param("expected", expectedVersion);
        }
        return spec.update() == 1;
    }

    private OrganizationView view(ResultSet rs, int row) throws SQLException {
        @SuppressWarnings("unchecked")
        Map<String, Object> address = json.readValue(rs.getString("address"), Map.class);
        return new OrganizationView(UUID.fromString(rs.getString("id")), rs.getString("name"), rs.getString("kind"),
                rs.getString("npi"), rs.getString("phone"), rs.getString("email"), address, rs.getBoolean("is_active"),
                UserRepository.instant(rs, "created_at"), UserRepository.instant(rs, "updated_at"), rs.getInt("version"));
    }
}
