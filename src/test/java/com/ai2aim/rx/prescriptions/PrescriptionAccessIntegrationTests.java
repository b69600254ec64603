package com.ai2aim.rx.prescriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The role × endpoint matrix of docs/access-matrix.md for prescriptions, cell by cell, against the running service.
 * The prescription is written by a global admin on the demo physician's behalf for the demo patient (Demo Pharmacy),
 * so the patient user can see it as their own.
 */
@IntegrationTest
class PrescriptionAccessIntegrationTests {

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    Api api;
    TestUsers users;
    JdbcClient db;
    String id;
    String patientId;
    String strangerPharmacist;
    String strangerPhysician;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        db = JdbcClient.create(owner);
        patientId = db.sql("select p.id::text from patients p join users u on u.id = p.user_id where u.email = ?")
                .param(TestUsers.PATIENT).query(String.class).single();
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", patientId);
        body.put("prescriberId", users.id(TestUsers.PHYSICIAN).toString());
        body.put("medicationId", db.sql("select id::text from medications where org_id is null and dea_schedule is null and is_active order by name limit 1")
                .query(String.class).single());
        body.put("dose", "1 tablet");
        body.put("sig", "Take one tablet daily");
        body.put("quantity", 30);
        body.put("quantityUnit", "tablet");
        body.put("daysSupply", 30);
        body.put("refillsAuthorized", 2);
        Api.Response created = api.post("/api/prescriptions", body).token(users.token(TestUsers.ADMIN)).send();
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        id = created.data().path("id").asString();

        String admin = users.token(TestUsers.ADMIN);
        UUID elsewhere = UUID.fromString(api.post("/api/organizations", Map.of("name", "Other Org " + UUID.randomUUID(), "kind", "pharmacy"))
                .token(admin).send().data().path("id").asString());
        users.create("pharmacist", elsewhere, "Stranger-Pass-01");
        strangerPharmacist = users.signIn(users.lastCreatedEmail(), "Stranger-Pass-01").json().path("access_token").asString();
        users.create("physician", elsewhere, "Stranger-Pass-02");
        strangerPhysician = users.signIn(users.lastCreatedEmail(), "Stranger-Pass-02").json().path("access_token").asString();
    }

    /** Written prescriptions are verified by themselves, which bumps their version: wait for it before comparing. */
    int awaitAutoVerified(String prescriptionId) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> db.sql(
                "select verification_status is not null from prescriptions where id = ?::uuid").param(prescriptionId).query(Boolean.class).single());
        return db.sql("select version from prescriptions where id = ?::uuid").param(prescriptionId).query(Integer.class).single();
    }

    @Test
    void readsFollowTheMatrix() {
        for (String who : new String[] {TestUsers.ADMIN, TestUsers.PHARMACIST, TestUsers.TECHNICIAN, TestUsers.PHYSICIAN, TestUsers.PATIENT}) {
            String token = users.token(who);
            assertThat(api.get("/api/prescriptions/" + id).token(token).send().status()).as(who).isEqualTo(200);
            assertThat(api.get("/api/prescriptions/" + id + "/interactions").token(token).send().status()).as(who).isEqualTo(200);
            assertThat(api.get("/api/prescriptions?patientId=" + patientId).token(token).send().data().findValuesAsString("id"))
                    .as(who).contains(id);
        }
        for (String stranger : new String[] {strangerPharmacist, strangerPhysician}) {
            assertThat(api.get("/api/prescriptions/" + id).token(stranger).send().status()).isEqualTo(404);
            assertThat(api.get("/api/prescriptions/" + id + "/interactions").token(stranger).send().status()).isEqualTo(404);
            assertThat(api.get("/api/prescriptions?patientId=" + patientId).token(stranger).send().data().size()).isZero();
        }
        assertThat(api.get("/api/prescriptions/" + id).send().status()).isEqualTo(401);
    }

    @Test
    void writesFollowTheMatrix() {
        // Only physicians and admins write; a patient, a pharmacist and a technician cannot.
        for (String who : new String[] {TestUsers.PATIENT, TestUsers.PHARMACIST, TestUsers.TECHNICIAN}) {
            assertThat(api.post("/api/prescriptions", Map.of("patientId", patientId, "medicationId", UUID.randomUUID().toString(),
                    "dose", "1", "sig", "x", "quantity", 1, "quantityUnit", "tablet", "daysSupply", 1, "refillsAuthorized", 0))
                    .token(users.token(who)).send().status()).as(who).isEqualTo(403);
        }
        // Changing a pending prescription: the prescriber or an admin; the patient is refused by the database too.
        assertThat(api.put("/api/prescriptions/" + id, Map.of("sig", "Take two")).token(users.token(TestUsers.PHARMACIST)).send().status()).isEqualTo(403);
        assertThat(api.put("/api/prescriptions/" + id, Map.of("sig", "Take two")).token(users.token(TestUsers.PATIENT)).send().status()).isIn(403, 404);
        int version = awaitAutoVerified(id);
        assertThat(api.put("/api/prescriptions/" + id, Map.of("sig", "Take one tablet by mouth daily")).token(users.token(TestUsers.PHYSICIAN))
                .header("If-Match", "\"" + version + "\"").send().status()).isEqualTo(200);
        assertThat(api.put("/api/prescriptions/" + id, Map.of("sig", "stale")).token(users.token(TestUsers.PHYSICIAN))
                .header("If-Match", "\"" + version + "\"").send().status()).isEqualTo(412);
        // Approve: the prescriber only (not even an admin). Fill: pharmacy staff. Dispense: pharmacists.
        assertThat(move("approve", TestUsers.ADMIN, null).status()).isEqualTo(403);
        assertThat(move("approve", TestUsers.PATIENT, null).status()).isIn(403, 404);
        assertThat(move("approve", TestUsers.PHYSICIAN, null).status()).isEqualTo(200);
        Map<String, Object> fill = Map.of("quantity", 30, "ndc", "00093726101");
        assertThat(move("fill", TestUsers.PHYSICIAN, fill).status()).isEqualTo(403);
        assertThat(api.post("/api/prescriptions/" + id + "/fill", fill).token(strangerPharmacist).send().status()).isEqualTo(404);
        assertThat(move("fill", TestUsers.TECHNICIAN, fill).status()).isEqualTo(200);
        assertThat(move("dispense", TestUsers.TECHNICIAN, null).status()).isEqualTo(403);
        assertThat(move("dispense", TestUsers.PATIENT, null).status()).isIn(403, 404);
        assertThat(move("dispense", TestUsers.PHARMACIST, null).status()).isEqualTo(200);
        // Reject and cancel after filling are illegal moves whoever asks.
        assertThat(move("cancel", TestUsers.PHYSICIAN, Map.of("reason", "late")).errorCode()).isEqualTo("INVALID_STATE_TRANSITION");
        assertThat(move("reject", TestUsers.PHARMACIST, Map.of("reason", "late")).errorCode()).isEqualTo("INVALID_STATE_TRANSITION");
        assertThat(api.delete("/api/prescriptions/" + id).token(users.token(TestUsers.PHYSICIAN)).send().errorCode()).isEqualTo("INVALID_STATE_TRANSITION");
    }

    @Test
    void changingAPendingPrescriptionForgetsItsVerification() {
        assertThat(move("verify", TestUsers.PHARMACIST, null).status()).isEqualTo(200);
        assertThat(db.sql("select verification is not null from prescriptions where id = ?::uuid").param(id).query(Boolean.class).single()).isTrue();
        assertThat(api.put("/api/prescriptions/" + id, Map.of("sig", "Take one tablet in the morning")).token(users.token(TestUsers.PHYSICIAN))
                .send().status()).isEqualTo(200);
        // The pharmacist's verdict is gone at once; the service verifies the changed prescription again by itself.
        assertThat(db.sql("select coalesce(verification->>'checkedBy', '') from prescriptions where id = ?::uuid").param(id)
                .query(String.class).single()).isEmpty();
        awaitAutoVerified(id);
        assertThat(db.sql("select verification->>'checkedBy' from prescriptions where id = ?::uuid").param(id)
                .query(String.class).optional()).isEmpty();
    }

    @Test
    void rejectAndDeleteRules() {
        assertThat(move("reject", TestUsers.TECHNICIAN, Map.of("reason", "no")).status()).isEqualTo(403);
        assertThat(move("reject", TestUsers.PHARMACIST, Map.of("reason", "Dose too high for age")).data().path("status").asString()).isEqualTo("rejected");
        assertThat(move("reject", TestUsers.PHARMACIST, Map.of("reason", "")).status()).isEqualTo(400);
    }

    @Test
    void deleteCancelsAndHidesAPendingPrescription() {
        assertThat(api.delete("/api/prescriptions/" + id).token(users.token(TestUsers.PHARMACIST)).send().status()).isEqualTo(403);
        assertThat(api.delete("/api/prescriptions/" + id + "?reason=duplicate").token(users.token(TestUsers.PHYSICIAN)).send().status()).isEqualTo(200);
        assertThat(api.get("/api/prescriptions/" + id).token(users.token(TestUsers.PHYSICIAN)).send().status()).isEqualTo(404);
        assertThat(db.sql("select status || '/' || (deleted_at is not null) from prescriptions where id = ?::uuid").param(id)
                .query(String.class).single()).isEqualTo("cancelled/true");
    }

    private Api.Response move(String move, String who, Object body) {
        return api.post("/api/prescriptions/" + id + "/" + move, body == null ? Map.of() : body).token(users.token(who)).send();
    }
}
