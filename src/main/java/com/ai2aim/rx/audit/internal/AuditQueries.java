package com.ai2aim.rx.audit.internal;

import com.ai2aim.rx.platform.web.PageCount;
import com.ai2aim.rx.platform.web.PageQuery;
import com.ai2aim.rx.platform.web.PageResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Reads of the trail, as the signed-in admin (row-level security limits an organisation admin to their own). */
@Component
class AuditQueries {

    static final Map<String, String> SORTABLE = Map.of("occurredAt", "occurred_at", "seq", "seq", "action", "action",
            "resourceType", "resource_type", "actorId", "actor_id");
    private static final String COLUMNS = """
            id, seq, occurred_at, actor_id, actor_role, org_id, action, resource_type, resource_id, changed_fields,
            outcome, ip, user_agent, request_id, details::text as details, prev_hash, hash""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final JsonMapper json;

    AuditQueries(JdbcClient jdbc, javax.sql.DataSource dataSource, JsonMapper json) {
        this.jdbc = jdbc;
        org.springframework.jdbc.core.JdbcTemplate streaming = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        streaming.setFetchSize(1000);
        this.named = new NamedParameterJdbcTemplate(streaming);
        this.json = json;
    }

    @Transactional(readOnly = true)
    PageResult<AuditLogView> list(AuditFilter filter, PageQuery page) {
        List<AuditLogView> items = jdbc.sql("select " + COLUMNS + " from audit_log" + filter.where()
                        + " order by " + page.orderBy() + " limit :limit offset :offset")
                .params(filter.params()).param("limit", page.limit()).param("offset", page.offset())
                .query(this::view).list();
        PageCount.Total total = PageCount.bounded(jdbc, "from audit_log" + filter.where(), filter.params(), page, items.size());
        return PageResult.of(items, page, total);
    }

    @Transactional(readOnly = true)
    Optional<AuditLogView> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from audit_log where id = :id").param("id", id).query(this::view).optional();
    }

    /** Streams matching rows as CSV through a server-side cursor: memory stays flat however many rows match. */
    @Transactional(readOnly = true)
    long exportCsv(AuditFilter filter, Writer out) {
        long[] count = {0};
        try {
            out.write("seq,id,occurred_at,actor_id,actor_role,org_id,action,resource_type,resource_id,changed_fields,outcome,ip,user_agent,request_id,hash\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RowCallbackHandler writeRow = rs -> {
            AuditLogView v = view(rs, 0);
            Csv.row(out, List.of(Long.toString(v.seq()), v.id().toString(), v.occurredAt().toString(), v.actorId(),
                    v.actorRole(), str(v.orgId()), v.action(), v.resourceType(), str(v.resourceId()),
                    String.join(";", v.changedFields()), v.outcome(), str(v.ip()), str(v.userAgent()), str(v.requestId()), v.hash()));
            count[0]++;
        };
        named.query("select " + COLUMNS + " from audit_log" + filter.where() + " order by seq", filter.params(), writeRow);
        return count[0];
    }

    private AuditLogView view(ResultSet rs, int row) throws SQLException {
        Array fields = rs.getArray("changed_fields");
        String org = rs.getString("org_id");
        HexFormat hex = HexFormat.of();
        @SuppressWarnings("unchecked")
        Map<String, Object> details = json.readValue(rs.getString("details"), Map.class);
        return new AuditLogView(UUID.fromString(rs.getString("id")), rs.getLong("seq"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_id"), rs.getString("actor_role"),
                org == null ? null : UUID.fromString(org), rs.getString("action"), rs.getString("resource_type"),
                rs.getString("resource_id"), fields == null ? List.of() : Arrays.asList((String[]) fields.getArray()),
                rs.getString("outcome"), rs.getString("ip"), rs.getString("user_agent"), rs.getString("request_id"),
                details, hex.formatHex(rs.getBytes("prev_hash")), hex.formatHex(rs.getBytes("hash")));
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
