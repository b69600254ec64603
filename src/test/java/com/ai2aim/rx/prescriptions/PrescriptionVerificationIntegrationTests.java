package com.ai2aim.rx.prescriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.util.HashMap;
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

@IntegrationTest
class PrescriptionVerificationIntegrationTests {

    static final String OVERRIDE_REASON = "Tolerated amoxicillin in 2024 per allergist note";

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    Api api;
    TestUsers users;
    JdbcClient db;
    UUID patientId;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        db = JdbcClient.create(owner);
        Map<String, Object> patient = new HashMap<>();
        patient.put("firstName", "Verity");
        patient.put("lastName", "Checkwell");
        patient.put("dateOfBirth", "1962-03-04");
        patient.put("sexAtBirth", "female");
        patient.put("mrn", "V-" + UUID.randomUUID().toString().substring(0, 8));
        patient.put("preferredPharmacyId", users.orgOf(TestUsers.PHARMACIST).toString());
        Api.Response created = api.post("/api/patients", patient).token(users.token(TestUsers.PHYSICIAN)).send();
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        patientId = UUID.fromString(created.data().path("id").asString());
    }

    @Test
    void opioidWithAnActiveBenzodiazepineNeedsReview() {
        assertThat(write(catalogue("therapeutic_class = 'benzodiazepine' and dose_form ilike '%tablet%' and strength ~ '^[0-9.]+ MG$'"))
                .status()).isEqualTo(201);
        String id = write(catalogue("therapeutic_class = 'opioid analgesic' and name ilike 'oxycodone hydrochloride 5 MG Oral Tablet%'"))
                .data().path("id").asString();

        Api.Response verified = verify(id, TestUsers.PHARMACIST);
        assertThat(verified.status()).as(verified.raw()).isEqualTo(200);
        var findings = verified.data().path("findings");
        var overlap = findings.get(findings.findValuesAsString("code").indexOf("OPIOID_BENZODIAZEPINE"));
        assertThat(overlap.path("policy").asString()).isEqualTo("opioidBenzodiazepineOverlapPolicy");
        assertThat(overlap.path("severity").asString()).isEqualTo("warning");
        assertThat(overlap.path("evidence").path("overlappingPrescriptionIds").size()).isOne();
        assertThat(verified.raw()).doesNotContain("Verity", "Checkwell");
        // The overlap means review, not a hard stop: the ANSM "sedatives + other sedatives" entry is a
        // contra-indication only with sodium oxybate, so the knowledge base loads it as major (a warning).
        assertThat(findings.findValuesAsString("severity")).doesNotContain("hard_stop");
        String expected = "needs_review";
        assertThat(verified.data().path("status").asString()).as(verified.raw()).isEqualTo(expected);

        assertThat(column(id, "verification_status")).isEqualTo(expected);
        assertThat(column(id, "verification->'findings'->0->>'code'")).isNotBlank();
        assertThat(db.sql("select changed_fields::text from audit_log where resource_id = ? and action = 'prescription.verify' and actor_id <> 'service'")
                .param(id).query(String.class).single()).contains("verification_status", "verification");
        // Needing review is not failing: the prescriber may still approve (a failed verdict is refused).
        assertThat(post(id, "approve", null, TestUsers.PHYSICIAN).status()).isEqualTo(200);
    }

    @Test
    void penicillinAllergyFailsVerificationUntilAPharmacistOverrides() {
        Api.Response allergy = api.post("/api/patients/" + patientId + "/allergies",
                Map.of("drugClass", "Penicillins", "reaction", "anaphylaxis", "severity", "life_threatening"))
                .token(users.token(TestUsers.PHYSICIAN)).send();
        assertThat(allergy.status()).as(allergy.raw()).isIn(200, 201);
        String id = write(catalogue("rxcui = '723'")).data().path("id").asString();

        Api.Response verified = verify(id, TestUsers.PHYSICIAN);
        assertThat(verified.data().path("status").asString()).as(verified.raw()).isEqualTo("failed");
        assertThat(verified.data().path("findings").get(0).path("code").asString()).isEqualTo("ALLERGY_CROSS_SENSITIVITY");
        assertThat(verified.data().path("findings").get(0).path("severity").asString()).isEqualTo("hard_stop");
        assertThat(verified.raw()).doesNotContain("anaphylaxis");

        Api.Response refused = post(id, "approve", null, TestUsers.PHYSICIAN);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("CONFLICT");

        assertThat(override(id, OVERRIDE_REASON, TestUsers.TECHNICIAN).status()).isEqualTo(403);
        assertThat(override(id, OVERRIDE_REASON, TestUsers.PHYSICIAN).status()).isEqualTo(403);
        Api.Response blank = override(id, " ", TestUsers.PHARMACIST);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(column(id, "verification_status")).isEqualTo("failed");

        Api.Response overridden = override(id, OVERRIDE_REASON, TestUsers.PHARMACIST);
        assertThat(overridden.status()).as(overridden.raw()).isEqualTo(200);
        assertThat(overridden.data().path("status").asString()).isEqualTo("needs_review");
        assertThat(overridden.data().path("overrides").get(0).path("reason").asString()).isEqualTo(OVERRIDE_REASON);
        assertThat(overridden.data().path("overrides").get(0).path("previousStatus").asString()).isEqualTo("failed");
        assertThat(column(id, "verification->'overrides'->0->>'by'")).isNotBlank();
        String audited = db.sql("select actor_role || ' ' || details::text from audit_log where resource_id = ? "
                + "and action = 'prescription.verification.override'").param(id).query(String.class).single();
        assertThat(audited).startsWith("pharmacist").doesNotContain(OVERRIDE_REASON);

        assertThat(override(id, OVERRIDE_REASON, TestUsers.PHARMACIST).status()).isEqualTo(409);
        Api.Response approved = post(id, "approve", null, TestUsers.PHYSICIAN);
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(verify(id, TestUsers.PHARMACIST).errorCode()).isEqualTo("INVALID_STATE_TRANSITION");
    }

    @Test
    void onlyStaffWhoVerifyMayAskAndBadRequestsChangeNothing() {
        String id = write(catalogue("rxcui = '723'")).data().path("id").asString();
        awaitAutoVerified(id);
        String before = column(id, "verification::text");
        assertThat(verify(id, TestUsers.TECHNICIAN).status()).isEqualTo(403);
        assertThat(verify(id, TestUsers.PATIENT).status()).isEqualTo(403);
        assertThat(verify(UUID.randomUUID().toString(), TestUsers.PHARMACIST).status()).isEqualTo(404);
        assertThat(api.post("/api/prescriptions/not-a-uuid/verify", Map.of()).token(users.token(TestUsers.PHARMACIST)).send().status())
                .isEqualTo(400);
        assertThat(column(id, "verification::text")).isEqualTo(before);

        // Only a failed verdict can be overridden; this one passed.
        assertThat(column(id, "verification_status")).isEqualTo("passed");
        assertThat(override(id, "never verified", TestUsers.PHARMACIST).status()).isEqualTo(409);
        Api.Response unknownField = api.post("/api/prescriptions/" + id + "/verification/override",
                Map.of("reason", "x", "status", "passed")).token(users.token(TestUsers.PHARMACIST)).send();
        assertThat(unknownField.status()).isEqualTo(400);

        Api.Response passed = verify(id, TestUsers.ADMIN);
        assertThat(passed.status()).as(passed.raw()).isEqualTo(200);
        assertThat(passed.data().path("status").asString()).isEqualTo("passed");
        assertThat(passed.data().path("findings").size()).isZero();
        assertThat(override(id, "not needed", TestUsers.PHARMACIST).status()).isEqualTo(409);
        assertThat(column(id, "verification_status")).isEqualTo("passed");
    }

    String catalogue(String where) {
        List<String> ids = db.sql("select id::text from medications where org_id is null and is_active and " + where
                + " order by name limit 1").query(String.class).list();
        assertThat(ids).as("a reference product where " + where).isNotEmpty();
        return ids.get(0);
    }

    Api.Response write(String medicationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", patientId.toString());
        body.put("medicationId", medicationId);
        body.put("dose", "1 tablet");
        body.put("sig", "Take one tablet by mouth daily");
        body.put("quantity", 30);
        body.put("quantityUnit", "tablet");
        body.put("daysSupply", 30);
        body.put("refillsAuthorized", 0);
        Api.Response response = api.post("/api/prescriptions", body).token(users.token(TestUsers.PHYSICIAN)).send();
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response;
    }

    /** Written prescriptions are verified by themselves, which bumps their version: wait for it before comparing. */
    int awaitAutoVerified(String prescriptionId) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> db.sql(
                "select verification_status is not null from prescriptions where id = ?::uuid").param(prescriptionId).query(Boolean.class).single());
        return db.sql("select version from prescriptions where id = ?::uuid").param(prescriptionId).query(Integer.class).single();
    }

    String column(String id, String expression) {
        return db.sql("select " + expression + " from prescriptions where id = ?::uuid").param(id).query(String.class).single();
    }

    Api.Response verify(String id, String who) {
        return api.post("/api/prescriptions/" + id + "/verify", Map.of()).token(users.token(who)).send();
    }

    Api.Response override(String id, String reason, String who) {
        return api.post("/api/prescriptions/" + id + "/verification/override", Map.of("reason", reason)).token(users.token(who)).send();
    }

    Api.Response post(String id, String move, Object body, String who) {
        return api.post("/api/prescriptions/" + id + "/" + move, body == null ? Map.of() : body).token(users.token(who)).send();
    }
}
