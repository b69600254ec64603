package com.ai2aim.rx.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@Import(TestFunctions.class)
@TestPropertySource(properties = "rx.functions.retry-backoff=10ms")
class FunctionRuntimeIntegrationTests {

    @LocalServerPort int port;
    @Autowired DataSource dataSource;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    Api api;
    TestUsers users;
    JdbcClient db;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        db = JdbcClient.create(owner);
    }

    private Api.Response call(String name, Object body, String email, String requestId) {
        Api.Request request = api.post("/functions/v1/" + name, body).header("X-Request-Id", requestId);
        return (email == null ? request : request.token(users.token(email))).send();
    }

    private Api.Response call(String name, Object body, String email) {
        return call(name, body, email, "fn-" + UUID.randomUUID());
    }

    private Map<String, Object> logged(String requestId) {
        return db.sql("select * from function_invocations where request_id = ?").param(requestId).query().singleRow();
    }

    @Test
    void successReturnsTheFunctionsOwnJsonNotTheEnvelope() {
        Api.Response response = call("test-echo", Map.of("message", "ab", "times", 2), TestUsers.PHARMACIST);

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.json().path("echo").asString()).isEqualTo("abab");
        assertThat(response.json().has("success")).as("no envelope on success").isFalse();
        assertThat(response.header("content-type")).startsWith("application/json");
    }

    @Test
    void aPrioritisedFunctionTakesThePriorityPoolAndOthersTheRequestPool() {
        Api.Response prioritised = call("test-pool-prioritised", Map.of("key", "lane"), TestUsers.PHARMACIST);
        Api.Response ordinary = call("test-pool", Map.of("key", "lane"), TestUsers.PHARMACIST);

        assertThat(prioritised.json().path("pool").asString()).as(prioritised.raw()).isEqualTo("rx-priority");
        assertThat(ordinary.json().path("pool").asString()).as(ordinary.raw()).isEqualTo("rx-app");
    }

    @Test
    void unknownFunctionIsNotFoundInTheEnvelopeAndNotLogged() {
        String requestId = "fn-" + UUID.randomUUID();
        Api.Response response = call("no-such-function", Map.of(), TestUsers.PHARMACIST, requestId);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("success").asBoolean(true)).isFalse();
        assertThat(response.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(db.sql("select count(*) from function_invocations where request_id = ?").param(requestId)
                .query(Long.class).single()).isZero();
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"message\":\"hi\",\"colour\":\"red\"}   | colour",
            "{\"message\":\"\"}                        | message",
            "{}                                        | message",
            "{\"message\":\"this is more than twenty\"} | message",
            "{\"message\":42}                          | message",
            "{\"message\":\"hi\",\"times\":\"two\"}    | times",
    })
    void badInputIsRejectedNamingTheField(String body, String field) {
        String requestId = "fn-" + UUID.randomUUID();
        Api.Response response = call("test-echo", body.strip(), TestUsers.PHARMACIST, requestId);

        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(response.json().path("error").path("details").findValuesAsString("field")).contains(field);
        assertThat(logged(requestId)).containsEntry("status", 400).containsEntry("error_code", "VALIDATION_ERROR")
                .containsEntry("outcome", "client_error");
    }

    @Test
    void malformedJsonIsRejected() {
        Api.Response response = call("test-echo", "{\"message\":", TestUsers.PHARMACIST);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void aRoleTheFunctionDoesNotAllowIsForbidden() {
        String requestId = "fn-" + UUID.randomUUID();
        Api.Response response = call("test-echo", Map.of("message", "hi"), TestUsers.TECHNICIAN, requestId);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(logged(requestId)).containsEntry("status", 403).containsEntry("caller_role", "technician");
    }

    @Test
    void anUnauthenticatedCallIsRefused() {
        Api.Response response = call("test-echo", Map.of("message", "hi"), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aFunctionThatOverrunsItsTimeoutAnswers504InTheEnvelope() {
        String requestId = "fn-" + UUID.randomUUID();
        Api.Response response = call("test-slow", Map.of("key", requestId), TestUsers.PHARMACIST, requestId);

        assertThat(response.status()).as(response.raw()).isEqualTo(504);
        assertThat(response.errorCode()).isEqualTo("FUNCTION_TIMEOUT");
        assertThat(response.json().path("meta").path("requestId").asString()).isEqualTo(requestId);
        assertThat(TestFunctions.attempts(requestId)).as("a timeout is not retried").isEqualTo(1);
        Map<String, Object> row = logged(requestId);
        assertThat(row).containsEntry("status", 504).containsEntry("outcome", "timeout");
        assertThat(((Number) row.get("duration_ms")).doubleValue()).isBetween(300.0, 10_000.0);
    }

    @Test
    void transientFailuresAreRetriedUpToThreeAttempts() {
        String requestId = "fn-" + UUID.randomUUID();
        Api.Response response = call("test-flaky", Map.of("key", requestId), TestUsers.PHARMACIST, requestId);

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.json().path("attempt").asInt()).isEqualTo(3);
        assertThat(logged(requestId)).containsEntry("attempts", 3).containsEntry("outcome", "success");
    }

    @Test
    void otherFailuresAreNotRetriedAndHideTheirMessage() {
        String requestId = "fn-" + UUID.randomUUID();
        Api.Response response = call("test-broken", Map.of("key", requestId), TestUsers.PHARMACIST, requestId);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.errorCode()).isEqualTo("INTERNAL_ERROR");
        assertThat(response.raw()).doesNotContain("bug");
        assertThat(TestFunctions.attempts(requestId)).isEqualTo(1);
        assertThat(logged(requestId)).containsEntry("attempts", 1).containsEntry("outcome", "error")
                .containsEntry("error_code", "INTERNAL_ERROR");
    }

    @Test
    void anInvocationIsLoggedWithCallerAndRequestButNeverThePayload() {
        String requestId = "fn-" + UUID.randomUUID();
        String secret = "Zq" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(call("test-echo", Map.of("message", secret), TestUsers.PHARMACIST, requestId).status()).isEqualTo(200);

        Map<String, Object> row = logged(requestId);
        assertThat(row).containsEntry("function_name", "test-echo").containsEntry("status", 200)
                .containsEntry("caller_id", users.id(TestUsers.PHARMACIST).toString())
                .containsEntry("caller_role", "pharmacist").containsEntry("org_id", users.orgOf(TestUsers.PHARMACIST))
                .containsEntry("attempts", 1);
        assertThat(row.values()).extracting(String::valueOf).noneMatch(v -> v.contains(secret));
    }

    @Test
    void theTimerIsExportedWithPercentileHistogramsPerFunctionAndOutcome() {
        assertThat(call("test-echo", Map.of("message", "hi"), TestUsers.PHARMACIST).status()).isEqualTo(200);

        Api.Response metrics = api.get("/actuator/prometheus").send();
        assertThat(metrics.status()).isEqualTo(200);
        List<String> lines = metrics.raw().lines().filter(l -> l.startsWith("rx_function_invocations_seconds")).toList();
        assertThat(lines).anyMatch(l -> l.startsWith("rx_function_invocations_seconds_bucket{")
                && l.contains("function=\"test-echo\"") && l.contains("outcome=\"success\""));
        assertThat(lines).anyMatch(l -> l.contains("function=\"test-slow\"")).as("registered before its first call");
    }

    @Test
    void adminsSeeEachFunctionWithItsFigures() {
        String key = "fn-" + UUID.randomUUID();
        call("test-flaky", Map.of("key", key), TestUsers.PHARMACIST);
        call("test-broken", Map.of("key", key), TestUsers.PHARMACIST);

        Api.Response list = api.get("/api/functions").token(users.token(TestUsers.ADMIN)).send();

        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        JsonNode flaky = find(list.data(), "test-flaky");
        assertThat(flaky.path("invocations").asLong()).isPositive();
        assertThat(flaky.path("timeoutMs").asLong()).isEqualTo(5000);
        assertThat(flaky.path("p50Ms").isNumber()).isTrue();
        assertThat(flaky.path("p95Ms").asDouble()).isGreaterThanOrEqualTo(flaky.path("p50Ms").asDouble());
        assertThat(flaky.path("p99Ms").asDouble()).isGreaterThanOrEqualTo(flaky.path("p95Ms").asDouble());
        JsonNode broken = find(list.data(), "test-broken");
        assertThat(broken.path("errors").asLong()).isPositive().isEqualTo(broken.path("invocations").asLong());
        assertThat(find(list.data(), "test-slow").path("p50Ms").isNull()).as("no successful call, no percentiles").isTrue();
        assertThat(find(list.data(), "test-echo").path("allowedRoles").toString()).isEqualTo("[\"admin\",\"pharmacist\"]");
    }

    @Test
    void adminsPageThroughAFunctionsInvocationsNewestFirst() {
        String first = "fn-" + UUID.randomUUID();
        String second = "fn-" + UUID.randomUUID();
        call("test-echo", Map.of("message", "one"), TestUsers.PHARMACIST, first);
        call("test-echo", Map.of("message", "two"), TestUsers.PHARMACIST, second);

        Api.Response page = api.get("/api/functions/test-echo/invocations?limit=2").token(users.token(TestUsers.ADMIN)).send();

        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        assertThat(page.data().findValuesAsString("requestId")).containsExactly(second, first);
        assertThat(page.json().path("pagination").path("limit").asInt()).isEqualTo(2);
        assertThat(page.json().path("pagination").path("total").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theAdminEndpointsRefuseOthersAndUnknownNames() {
        assertThat(api.get("/api/functions").token(users.token(TestUsers.PHARMACIST)).send().status()).isEqualTo(403);
        assertThat(api.get("/api/functions/test-echo/invocations").token(users.token(TestUsers.PHARMACIST)).send().status())
                .isEqualTo(403);
        Api.Response unknown = api.get("/api/functions/nope/invocations").token(users.token(TestUsers.ADMIN)).send();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
        Api.Response badSort = api.get("/api/functions/test-echo/invocations?sort=payload").token(users.token(TestUsers.ADMIN)).send();
        assertThat(badSort.status()).isEqualTo(400);
    }

    @Test
    void theLogIsReadableByAdminsOnlyUnderRowLevelSecurity() throws SQLException {
        String requestId = "fn-" + UUID.randomUUID();
        call("test-echo", Map.of("message", "hi"), TestUsers.PHARMACIST, requestId);
        UUID org = users.orgOf(TestUsers.PHARMACIST);

        assertThat(visibleTo(users.id(TestUsers.PHARMACIST), "pharmacist", org, requestId)).isZero();
        assertThat(visibleTo(UUID.randomUUID(), "admin", org, requestId)).as("the organisation's admin").isEqualTo(1);
        assertThat(visibleTo(UUID.randomUUID(), "admin", UUID.randomUUID(), requestId)).as("another organisation's admin").isZero();
        assertThat(visibleTo(UUID.randomUUID(), "admin", null, requestId)).as("a global admin").isEqualTo(1);
    }

    private long visibleTo(UUID user, String role, UUID org, String requestId) throws SQLException {
        String claims = "{\"sub\":\"" + user + "\",\"role\":\"authenticated\",\"app_metadata\":{\"rx_role\":\"" + role
                + "\",\"org_id\":" + (org == null ? "null" : "\"" + org + "\"") + "}}";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ?, true)")) {
                s.setString(1, claims);
                s.execute();
            }
            try (PreparedStatement q = c.prepareStatement("select count(*) from function_invocations where request_id = ?")) {
                q.setString(1, requestId);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void corsPreflightAllowsTheHeadersSupabaseJsSends() {
        Api.Response preflight = api.request("OPTIONS", "/functions/v1/test-echo", null)
                .header("Origin", "https://app.example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, apikey, content-type, x-client-info")
                .send();

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("access-control-allow-headers").toLowerCase())
                .contains("authorization").contains("apikey").contains("x-client-info").contains("content-type");
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode f : list) {
            if (f.path("name").asString().equals(name)) {
                return f;
            }
        }
        throw new AssertionError(name + " not listed in " + list);
    }
}
