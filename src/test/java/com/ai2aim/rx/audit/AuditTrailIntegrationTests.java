package com.ai2aim.rx.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/** The trail's API and its hash chain. Tampering tests break the chain, so this class gets its own database. */
@IntegrationTest
@DirtiesContext
class AuditTrailIntegrationTests {

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
    void everyMutationIsRecordedWithActorRequestAndChangedFields() {
        UUID pharmacy = users.orgOf(TestUsers.PHARMACIST);
        String requestId = "mut-" + UUID.randomUUID();
        UUID id = users.create("technician", pharmacy, "Audited-Pass-1");
        api.put("/api/users/" + id, Map.of("phone", "+15559990000")).token(users.token(TestUsers.ADMIN))
                .header("X-Request-Id", requestId).header("User-Agent", "audit-test/1.0").send();

        Api.Response logs = api.get("/api/audit/logs?resourceType=user&resourceId=" + id + "&sort=seq")
                .token(users.token(TestUsers.ADMIN)).send();
        assertThat(logs.status()).isEqualTo(200);
        assertThat(logs.data().findValuesAsString("action")).containsExactly("user.create", "user.update");
        var update = logs.data().get(1);
        assertThat(update.path("requestId").asString()).isEqualTo(requestId);
        assertThat(update.path("userAgent").asString()).isEqualTo("audit-test/1.0");
        assertThat(update.path("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(update.path("actorRole").asString()).isEqualTo("admin");
        assertThat(update.path("changedFields").get(0).asString()).isEqualTo("phone");
        assertThat(update.path("orgId").asString()).isEqualTo(pharmacy.toString());
        assertThat(logs.raw()).doesNotContain("5559990000");

        Api.Response one = api.get("/api/audit/logs/" + update.path("id").asString()).token(users.token(TestUsers.ADMIN)).send();
        assertThat(one.data().path("hash").asString()).hasSize(64).isEqualTo(update.path("hash").asString());
    }

    @Test
    void failedSignInsAreRecordedAndCounted() {
        users.signIn(TestUsers.PHYSICIAN, "not-the-password");
        Api.Response stats = api.get("/api/audit/stats").token(users.token(TestUsers.ADMIN)).send();
        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.data().path("failedSignIns").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.data().path("byAction").findValuesAsString("key")).contains("auth.sign_in", "user.create");
        assertThat(stats.data().path("byDay").size()).isGreaterThanOrEqualTo(1);
        assertThat(stats.data().path("total").asLong()).isGreaterThan(5);
    }

    @Test
    void exportStreamsCsvWithTheSameFilters() {
        UUID id = users.create("patient", users.orgOf(TestUsers.PHARMACIST), "Export-Pass-01");
        Api.Response csv = api.get("/api/audit/export?resourceId=" + id).token(users.token(TestUsers.ADMIN)).send();
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = csv.raw().lines().toList();
        assertThat(lines.get(0)).startsWith("seq,id,occurred_at,actor_id");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(",user.create,user," + id + ",");
    }

    @Test
    void onlyAdminsReadTheTrail() {
        assertThat(api.get("/api/audit/logs").token(users.token(TestUsers.PHARMACIST)).send().status()).isEqualTo(403);
        assertThat(api.get("/api/audit/verify").token(users.token(TestUsers.PATIENT)).send().status()).isEqualTo(403);
        assertThat(api.get("/api/audit/logs?from=yesterday").token(users.token(TestUsers.ADMIN)).send().errorCode())
                .isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void verifyDetectsAnEditedRecordAndThenADeletedOne() {
        assertThat(verify().path("valid").asBoolean()).isTrue();
        users.create("patient", users.orgOf(TestUsers.PHARMACIST), "Tamper-Pass-01");
        long target = db.sql("select max(seq) - 3 from audit_log").query(Long.class).single();

        String original = db.sql("select action from audit_log where seq = ?").param(target).query(String.class).single();
        db.sql("update audit_log set action = 'user.nothing_to_see' where seq = ?").param(target).update();
        var edited = verify();
        assertThat(edited.path("valid").asBoolean()).isFalse();
        assertThat(edited.path("firstBrokenSeq").asLong()).isEqualTo(target);
        assertThat(edited.path("reason").asString()).contains("edited");

        // Put the content back, then delete the record instead: the next record's link breaks.
        db.sql("update audit_log set action = ? where seq = ?").params(original, target).update();
        assertThat(verify().path("valid").asBoolean()).as("restoring the exact content restores the chain").isTrue();
        db.sql("delete from audit_log where seq = ?").param(target).update();
        var deleted = verify();
        assertThat(deleted.path("valid").asBoolean()).isFalse();
        assertThat(deleted.path("firstBrokenSeq").asLong()).isGreaterThan(target);
        assertThat(deleted.path("reason").asString()).contains("previous record");
    }

    @Test
    void aChangeWhoseAuditRecordCannotBeWrittenIsRolledBack() {
        UUID id = users.create("technician", users.orgOf(TestUsers.PHARMACIST), "Atomic-Pass-01");
        long before = db.sql("select count(*) from audit_log").query(Long.class).single();
        db.sql("revoke execute on function rx.audit_stage(jsonb) from authenticated").update();
        try {
            Api.Response failed = api.put("/api/users/" + id, Map.of("fullName", "Never Saved")).token(users.token(TestUsers.ADMIN)).send();
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.errorCode()).isEqualTo("INTERNAL_ERROR");
            assertThat(failed.raw()).doesNotContain("permission").doesNotContain("audit_stage").doesNotContain("Exception");
        } finally {
            db.sql("grant execute on function rx.audit_stage(jsonb) to authenticated").update();
        }
        assertThat(db.sql("select full_name from users where id = ?").param(id).query(String.class).single()).isEqualTo("Test technician");
        assertThat(db.sql("select count(*) from audit_log").query(Long.class).single()).isEqualTo(before);
        assertThat(api.put("/api/users/" + id, Map.of("fullName", "Saved")).token(users.token(TestUsers.ADMIN)).send().status()).isEqualTo(200);
    }

    private tools.jackson.databind.JsonNode verify() {
        Api.Response response = api.get("/api/audit/verify").token(users.token(TestUsers.ADMIN)).send();
        assertThat(response.status()).isEqualTo(200);
        return response.data();
    }
}
