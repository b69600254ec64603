package com.ai2aim.rx.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Request ids, idempotent creates, CSRF for cookie sessions, health and metrics. */
@IntegrationTest
class RequestConventionsIntegrationTests {

    @LocalServerPort int port;
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

    @Test
    void requestIdIsEchoedOrGeneratedAndUnsafeOnesAreReplaced() {
        assertThat(api.get("/ping").header("X-Request-Id", "abc-123").send().header("X-Request-Id")).isEqualTo("abc-123");
        Api.Response generated = api.get("/ping").send();
        assertThat(UUID.fromString(generated.header("X-Request-Id"))).isNotNull();
        assertThat(generated.json().path("meta").path("requestId").asString()).isEqualTo(generated.header("X-Request-Id"));
        assertThat(api.get("/ping").header("X-Request-Id", "bad id\"<script>").send().header("X-Request-Id")).doesNotContain("<");
    }

    @Test
    void retriedCreateWithTheSameIdempotencyKeyReturnsTheFirstResult() {
        String key = "org-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("name", "Idempotent Pharmacy " + key, "kind", "pharmacy");
        Api.Response first = api.post("/api/organizations", body).token(users.token(TestUsers.ADMIN)).header("Idempotency-Key", key).send();
        Api.Response retry = api.post("/api/organizations", body).token(users.token(TestUsers.ADMIN)).header("Idempotency-Key", key).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.data().path("id").asString()).isEqualTo(first.data().path("id").asString());
        assertThat(db.sql("select count(*) from organizations where name = ?").param(body.get("name")).query(Long.class).single()).isOne();

        Api.Response reused = api.post("/api/organizations", Map.of("name", "Something else", "kind", "clinic"))
                .token(users.token(TestUsers.ADMIN)).header("Idempotency-Key", key).send();
        assertThat(reused.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void concurrentRetriesCreateExactlyOneRow() throws Exception {
        String key = "race-" + UUID.randomUUID();
        String name = "Race Pharmacy " + key;
        String token = users.token(TestUsers.ADMIN);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> api.post("/api/organizations", Map.of("name", name, "kind", "pharmacy")).token(token)
                        .header("Idempotency-Key", key).send());
            }
            List<String> ids = new ArrayList<>();
            for (Future<Api.Response> f : pool.invokeAll(calls)) {
                Api.Response r = f.get();
                assertThat(r.status()).isEqualTo(201);
                ids.add(r.data().path("id").asString());
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.sql("select count(*) from organizations where name = ?").param(name).query(Long.class).single()).isOne();
    }

    @Test
    void failedCreateLeavesTheKeyFreeForACorrectedRetry() {
        String key = "fix-" + UUID.randomUUID();
        Api.Response bad = api.post("/api/organizations", Map.of("name", "", "kind", "pharmacy")).token(users.token(TestUsers.ADMIN))
                .header("Idempotency-Key", key).send();
        assertThat(bad.status()).isEqualTo(400);
        Api.Response good = api.post("/api/organizations", Map.of("name", "Fixed " + key, "kind", "pharmacy"))
                .token(users.token(TestUsers.ADMIN)).header("Idempotency-Key", key).send();
        assertThat(good.status()).isEqualTo(201);
    }

    @Test
    void cookieSessionsNeedTheCsrfTokenButBearerCallsDoNot() {
        Api.Response signIn = api.post("/auth/v1/token?grant_type=password&session=cookie",
                Map.of("email", TestUsers.ADMIN, "password", TestUsers.DEMO_PASSWORD)).send();
        String setCookie = signIn.header("Set-Cookie");
        assertThat(setCookie).contains("rx-access-token=").contains("HttpOnly").contains("SameSite=Strict").contains("XSRF-TOKEN=");
        String access = cookieValue(setCookie, "rx-access-token");
        String xsrf = cookieValue(setCookie, "XSRF-TOKEN");
        String cookies = "rx-access-token=" + access + "; XSRF-TOKEN=" + xsrf;
        Map<String, Object> org = Map.of("name", "Cookie Pharmacy " + UUID.randomUUID(), "kind", "pharmacy");

        assertThat(api.get("/api/organizations").header("Cookie", cookies).send().status()).isEqualTo(200);
        Api.Response withoutToken = api.post("/api/organizations", org).header("Cookie", cookies).send();
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.errorCode()).isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(api.post("/api/organizations", org).header("Cookie", cookies).header("X-XSRF-TOKEN", xsrf).send().status()).isEqualTo(201);
        assertThat(api.post("/api/organizations", Map.of("name", "Bearer " + UUID.randomUUID(), "kind", "clinic"))
                .token(users.token(TestUsers.ADMIN)).send().status()).isEqualTo(201);
    }

    @Test
    void healthReportsDatabaseAndDiskAndPrometheusHasRouteHistograms() {
        Api.Response health = api.get("/actuator/health").send();
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.json().path("components").path("diskSpace").path("status").asString()).isEqualTo("UP");

        api.get("/api/users/" + users.id(TestUsers.ADMIN)).token(users.token(TestUsers.ADMIN)).send();
        api.get("/api/users/not-a-uuid").token(users.token(TestUsers.ADMIN)).send();
        String metrics = api.get("/actuator/prometheus").send().raw();
        assertThat(metrics).contains("http_server_requests_seconds_bucket{")
                .contains("uri=\"/api/users/{id}\"")
                .contains("le=\"0.01\"")
                .contains("status=\"400\"");
        assertThat(metrics).doesNotContain(TestUsers.ADMIN);
    }

    @Test
    void preflightAllowsSupabaseHeaders() {
        Api.Response preflight = api.get("/api/users").header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "GET").send();
        assertThat(preflight.status()).isLessThan(500);
    }

    private static String cookieValue(String setCookie, String name) {
        for (String part : setCookie.split("[,;]")) {
            String p = part.trim();
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no cookie " + name);
    }
}
