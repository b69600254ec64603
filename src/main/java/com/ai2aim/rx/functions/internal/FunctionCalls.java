package com.ai2aim.rx.functions.internal;

import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code function_calls} table of asynchronous calls. Callers insert and read; the service claims and finishes. */
@Repository
class FunctionCalls {

    /** A claimed call: what the worker needs to run it as its caller. */
    record Claimed(UUID id, String function, Actor caller, JsonNode input, String requestId) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FunctionCalls(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    UUID insert(String function, Actor caller, JsonNode input, String requestId) {
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("userId", caller.userId());
        who.put("email", caller.email());
        who.put("role", caller.role().value());
        who.put("orgId", caller.orgId());
        who.put("sessionId", caller.sessionId());
        who.put("claims", json.readTree(caller.claimsJson()));
        return jdbc.sql("""
                insert into function_calls (function_name, caller_id, caller_role, org_id, caller_claims, input, request_id)
                values (:function, :caller, :role, :org, cast(:who as jsonb), cast(:input as jsonb), :request) returning id""")
                .param("function", function).param("caller", caller.userId()).param("role", caller.role().value())
                .param("org", caller.orgId()).param("who", json.writeValueAsString(who))
                .param("input", json.writeValueAsString(input)).param("request", requestId)
                .query(UUID.class).single();
    }

    /**
     * Takes a call that is queued, or running under a lapsed lease (its copy stopped mid-call), for {@code lease};
     * empty when another worker holds it or it has finished, so a second delivery of the event does nothing.
     */
    Optional<Claimed> claim(UUID id, Duration lease) {
        return jdbc.sql("""
                update function_calls set status = 'running', attempts = attempts + 1, started_at = now(),
                       lease_until = now() + make_interval(secs => :lease)
                where id = :id and (status = 'queued' or (status = 'running' and lease_until < now()))
                returning id, function_name, caller_claims::text, input::text, request_id""")
                .param("id", id).param("lease", lease.toMillis() / 1000.0)
                .query(this::claimed).optional();
    }

    void succeed(UUID id, Object output) {
        jdbc.sql("""
                update function_calls set status = 'succeeded', http_status = 200, output = cast(:output as jsonb),
                       finished_at = now(), lease_until = null where id = :id""")
                .param("id", id).param("output", json.writeValueAsString(output)).update();
    }

    void fail(UUID id, int status, String code, String message) {
        jdbc.sql("""
                update function_calls set status = 'failed', http_status = :status, error_code = :code,
                       error_message = :message, finished_at = now(), lease_until = null where id = :id""")
                .param("id", id).param("status", status).param("code", code).param("message", message).update();
    }

    /** The call as the acting user may see it (RLS): their own, or their organisation's for an admin. */
    Optional<FunctionCallView> find(UUID id) {
        return jdbc.sql("""
                select id, function_name, status, attempts, created_at, started_at, finished_at, output::text,
                       http_status, error_code, error_message
                from function_calls where id = :id""").param("id", id).query(this::view).optional();
    }

    private Claimed claimed(ResultSet rs, int row) throws SQLException {
        JsonNode who = json.readTree(rs.getString("caller_claims"));
        Actor caller = new Actor(uuid(who, "userId"), text(who, "email"), Role.parse(who.path("role").asString()).orElseThrow(),
                uuid(who, "orgId"), uuid(who, "sessionId"), who.path("claims").isString() ? who.path("claims").asString()
                        : who.path("claims").toString());
        return new Claimed(rs.getObject("id", UUID.class), rs.getString("function_name"), caller,
                json.readTree(rs.getString("input")), rs.getString("request_id"));
    }

    private FunctionCallView view(ResultSet rs, int row) throws SQLException {
        String output = rs.getString("output");
        String code = rs.getString("error_code");
        return new FunctionCallView(rs.getObject("id", UUID.class), rs.getString("function_name"), rs.getString("status"),
                rs.getInt("attempts"), instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                output == null ? null : json.readTree(output),
                code == null ? null : new FunctionCallView.Failure(rs.getInt("http_status"), code, rs.getString("error_message")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static UUID uuid(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : UUID.fromString(value);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
