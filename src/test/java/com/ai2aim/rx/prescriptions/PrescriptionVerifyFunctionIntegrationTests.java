package com.ai2aim.rx.prescriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.ClinicalFixture;
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
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class PrescriptionVerifyFunctionIntegrationTests {

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    Api api;
    TestUsers users;
    ClinicalFixture clinical;
    JdbcClient db;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        db = JdbcClient.create(owner);
        clinical = new ClinicalFixture(api, users, db);
    }

    Api.Response invoke(Object body, String who) {
        return api.post("/functions/v1/prescription-verify", body).token(users.token(who)).send();
    }

    @Test
    void verifiesOnDemandThroughTheFunctionRouteAndStoresTheVerdict() {
        UUID patient = clinical.patient();
        UUID id = clinical.prescription(patient, clinical.product("dea_schedule is null and therapeutic_class is null"), Map.of());
        await().atMost(Duration.ofSeconds(15)).until(() -> clinical.prescriptionColumn(id, "verification_status") != null);

        Api.Response verified = invoke(Map.of("prescriptionId", id.toString()), TestUsers.PHARMACIST);

        assertThat(verified.status()).as(verified.raw()).isEqualTo(200);
        // Supabase functions answer with the function's own JSON, not the envelope.
        assertThat(verified.json().has("success")).isFalse();
        assertThat(verified.json().path("prescriptionId").asString()).isEqualTo(id.toString());
        assertThat(verified.json().path("status").asString()).isIn("passed", "needs_review", "failed");
        assertThat(verified.json().path("checkedBy").asString()).isEqualTo(users.id(TestUsers.PHARMACIST).toString());
        assertThat(clinical.prescriptionColumn(id, "verification->>'checkedBy'")).isEqualTo(users.id(TestUsers.PHARMACIST).toString());
        // In the priority lane the change record is staged with the verdict and chained a moment after the response.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(db.sql(
                "select count(*) from audit_log where resource_id = ? and action = 'prescription.verify' and actor_role = 'pharmacist'")
                .param(id.toString()).query(Long.class).single()).isOne());
        assertThat(db.sql("select outcome from function_invocations where function_name = 'prescription-verify' and request_id = ?")
                .param(verified.header("X-Request-Id")).query(String.class).single()).isEqualTo("success");
    }

    @Test
    void refusesOtherRolesBadInputAndPrescriptionsThatAreNotPending() {
        UUID patient = clinical.patient();
        UUID id = clinical.prescription(patient, clinical.product("dea_schedule is null"), Map.of());
        await().atMost(Duration.ofSeconds(15)).until(() -> clinical.prescriptionColumn(id, "verification_status") != null);
        String before = clinical.prescriptionColumn(id, "verification::text");

        assertThat(invoke(Map.of("prescriptionId", id.toString()), TestUsers.TECHNICIAN).status()).isEqualTo(403);
        assertThat(invoke(Map.of("prescriptionId", id.toString()), TestUsers.PATIENT).status()).isEqualTo(403);
        Api.Response missing = invoke(Map.of(), TestUsers.PHARMACIST);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(invoke(Map.of("prescriptionId", "not-a-uuid"), TestUsers.PHARMACIST).status()).isEqualTo(400);
        assertThat(invoke(Map.of("prescriptionId", id.toString(), "force", true), TestUsers.PHARMACIST).status()).isEqualTo(400);
        Api.Response unknown = invoke(Map.of("prescriptionId", UUID.randomUUID().toString()), TestUsers.PHARMACIST);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(clinical.prescriptionColumn(id, "verification::text")).isEqualTo(before);

        Api.Response cancelled = api.post("/api/prescriptions/" + id + "/cancel", Map.of("reason", "written in error"))
                .token(users.token(TestUsers.PHYSICIAN)).send();
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        Api.Response notPending = invoke(Map.of("prescriptionId", id.toString()), TestUsers.PHARMACIST);
        assertThat(notPending.status()).isEqualTo(409);
        assertThat(notPending.errorCode()).isEqualTo("INVALID_STATE_TRANSITION");
    }
}
