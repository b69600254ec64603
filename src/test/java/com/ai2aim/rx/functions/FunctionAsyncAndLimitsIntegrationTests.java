package com.ai2aim.rx.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ai2aim.rx.functions.internal.FunctionCallQueued;
import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Asynchronous calls (Prefer: respond-async), per-caller rate limits and first-call figures. Same context as the runtime tests. */
@IntegrationTest
@Import(TestFunctions.class)
@TestPropertySource(properties = "rx.functions.retry-backoff=10ms")
class FunctionAsyncAndLimitsIntegrationTests {

    private static final Duration DEADLINE = Duration.ofSeconds(15);

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactionManager;

    Api api;
    TestUsers users;
    JdbcClient db;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        db = JdbcClient.create(owner);
    }

    Api.Response callAsync(String name, Object body, String email) {
        return api.post("/functions/v1/" + name, body).header("Prefer", "respond-async").token(users.token(email)).send();
    }

    JsonNode awaitFinished(String statusUrl, String email) {
        return await().atMost(DEADLINE).until(() -> api.get(statusUrl).token(users.token(email)).send().data(),
                data -> data.path("status").asString().matches("succeeded|failed"));
    }

    @Test
    void respondAsyncAnswers202WithAStatusUrlThatEndsWithTheOutput() {
        Api.Response accepted = callAsync("test-echo", Map.of("message", "hi", "times", 3), TestUsers.PHARMACIST);

        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        String statusUrl = accepted.json().path("statusUrl").asString();
        assertThat(accepted.header("Location")).isEqualTo(statusUrl);
        assertThat(accepted.header("Preference-Applied")).isEqualTo("respond-async");
        assertThat(accepted.json().path("status").asString()).isEqualTo("queued");

        JsonNode finished = awaitFinished(statusUrl, TestUsers.PHARMACIST);
        assertThat(finished.path("status").asString()).isEqualTo("succeeded");
        assertThat(finished.path("output").path("echo").asString()).isEqualTo("hihihi");
        assertThat(finished.path("attempts").asInt()).isOne();
        String callId = accepted.json().path("callId").asString();
        assertThat(db.sql("select count(*) from audit_log where action = 'function.call.read' and resource_id = ?")
                .param(callId).query(Long.class).single()).isPositive();
        assertThat(db.sql("select outcome from function_invocations where function_name = 'test-echo' and request_id = ?")
                .param(accepted.header("X-Request-Id")).query(String.class).single()).isEqualTo("success");

        // Only the caller (and admins) may read the call: another user is told it does not exist.
        assertThat(api.get(statusUrl).token(users.token(TestUsers.TECHNICIAN)).send().status()).isEqualTo(404);
        assertThat(api.get(statusUrl).token(users.token(TestUsers.ADMIN)).send().status()).isEqualTo(200);
        assertThat(api.get("/api/functions/calls/not-a-uuid").token(users.token(TestUsers.PHARMACIST)).send().status()).isEqualTo(400);
    }

    @Test
    void anAsyncCallIsCheckedBeforeItIsQueued() {
        long before = db.sql("select count(*) from function_calls").query(Long.class).single();

        Api.Response bad = callAsync("test-echo", Map.of("message", ""), TestUsers.PHARMACIST);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(callAsync("test-echo", Map.of("message", "x"), TestUsers.TECHNICIAN).status()).isEqualTo(403);
        assertThat(callAsync("no-such-function", Map.of(), TestUsers.PHARMACIST).status()).isEqualTo(404);

        assertThat(db.sql("select count(*) from function_calls").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aFailingAsyncCallEndsFailedWithoutItsExceptionText() {
        Api.Response accepted = callAsync("test-broken", Map.of("key", "async-" + UUID.randomUUID()), TestUsers.PHARMACIST);
        assertThat(accepted.status()).isEqualTo(202);

        JsonNode finished = awaitFinished(accepted.json().path("statusUrl").asString(), TestUsers.PHARMACIST);

        assertThat(finished.path("status").asString()).isEqualTo("failed");
        assertThat(finished.path("error").path("code").asString()).isEqualTo("INTERNAL_ERROR");
        assertThat(finished.path("error").path("status").asInt()).isEqualTo(500);
        assertThat(finished.toString()).doesNotContain("bug");
    }

    @Test
    void aCallLeftRunningByACopyThatStoppedIsRunAgainOnceItsLeaseLapses() {
        UUID pharmacist = users.id(TestUsers.PHARMACIST);
        String claims = "{\"sub\":\"" + pharmacist + "\",\"role\":\"authenticated\",\"app_metadata\":{\"rx_role\":\"pharmacist\",\"org_id\":\""
                + users.orgOf(TestUsers.PHARMACIST) + "\"}}";
        String caller = "{\"userId\":\"" + pharmacist + "\",\"email\":\"pharmacist@demo.rx\",\"role\":\"pharmacist\",\"orgId\":\""
                + users.orgOf(TestUsers.PHARMACIST) + "\",\"sessionId\":null,\"claims\":" + Api.json(claims) + "}";
        // As if a copy claimed it and died: running, one attempt made, lease already lapsed.
        UUID id = db.sql("""
                insert into function_calls (function_name, caller_id, caller_role, org_id, caller_claims, input, status,
                    attempts, lease_until, started_at)
                values ('test-echo', ?, 'pharmacist', ?, cast(? as jsonb), '{"message":"again"}', 'running', 1,
                    now() - interval '1 minute', now() - interval '6 minutes') returning id""")
                .params(pharmacist, users.orgOf(TestUsers.PHARMACIST), caller).query(UUID.class).single();
        UUID finishedElsewhere = db.sql("""
                insert into function_calls (function_name, caller_id, caller_role, org_id, caller_claims, input, status,
                    attempts, http_status, output, finished_at)
                values ('test-echo', ?, 'pharmacist', ?, cast(? as jsonb), '{"message":"once"}', 'succeeded', 1, 200,
                    '{"echo":"once"}', now()) returning id""")
                .params(pharmacist, users.orgOf(TestUsers.PHARMACIST), caller).query(UUID.class).single();

        // The outbox delivers the events again (as on restart).
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            events.publishEvent(new FunctionCallQueued(id));
            events.publishEvent(new FunctionCallQueued(finishedElsewhere));
        });

        JsonNode finished = awaitFinished("/api/functions/calls/" + id, TestUsers.PHARMACIST);
        assertThat(finished.path("status").asString()).isEqualTo("succeeded");
        assertThat(finished.path("output").path("echo").asString()).isEqualTo("again");
        assertThat(finished.path("attempts").asInt()).isEqualTo(2);
        await().atMost(DEADLINE).until(() -> db.sql("select count(*) from event_publication where completion_date is null "
                + "and serialized_event like ?").param("%" + finishedElsewhere + "%").query(Long.class).single() == 0);
        assertThat(db.sql("select attempts from function_calls where id = ?").param(finishedElsewhere).query(Integer.class).single())
                .as("a finished call is never run again").isOne();
    }

    @Test
    void eachCallerHasTheirOwnLimitPerFunctionAndIsToldWhenToRetry() {
        String key = "limit-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/functions/v1/test-limited", Map.of("key", key)).token(users.token(TestUsers.PHARMACIST)).send().status())
                    .isEqualTo(200);
        }
        Api.Response limited = api.post("/functions/v1/test-limited", Map.of("key", key)).token(users.token(TestUsers.PHARMACIST)).send();

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(api.post("/functions/v1/test-limited", Map.of("key", key)).token(users.token(TestUsers.TECHNICIAN)).send().status())
                .as("another caller has a bucket of their own").isEqualTo(200);
        assertThat(api.post("/functions/v1/test-echo", Map.of("message", "x")).token(users.token(TestUsers.PHARMACIST)).send().status())
                .as("and so does another function").isEqualTo(200);

        JsonNode functions = api.get("/api/functions").token(users.token(TestUsers.ADMIN)).send().data();
        JsonNode limitedView = null;
        for (JsonNode f : functions) {
            if (f.path("name").asString().equals("test-limited")) {
                limitedView = f;
            }
        }
        assertThat(limitedView).isNotNull();
        assertThat(limitedView.path("callsPerMinute").asInt()).isEqualTo(3);
        assertThat(limitedView.path("firstCallMs").isNumber()).as("first call after start is measured").isTrue();
        assertThat(api.get("/actuator/prometheus").send().raw()).contains("rx_function_first_call_milliseconds{function=\"test-limited\"");
    }
}
