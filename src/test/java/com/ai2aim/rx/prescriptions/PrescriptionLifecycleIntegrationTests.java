package com.ai2aim.rx.prescriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.util.ArrayList;
import java.util.HashMap;
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

@IntegrationTest
class PrescriptionLifecycleIntegrationTests {

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    Api api;
    TestUsers users;
    JdbcClient db;
    UUID patientId;
    UUID pharmacy;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        db = JdbcClient.create(owner);
        pharmacy = users.orgOf(TestUsers.PHARMACIST);
        UUID clinic = users.orgOf(TestUsers.PHYSICIAN);
        Map<String, Object> patient = new HashMap<>();
        patient.put("firstName", "Testy");
        patient.put("lastName", "McTestface");
        patient.put("dateOfBirth", "1970-05-06");
        patient.put("sexAtBirth", "female");
        patient.put("mrn", "T-" + UUID.randomUUID().toString().substring(0, 8));
        patient.put("preferredPharmacyId", pharmacy.toString());
        Api.Response created = api.post("/api/patients", patient).token(users.token(TestUsers.PHYSICIAN)).send();
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        patientId = UUID.fromString(created.data().path("id").asString());
        assertThat(clinic).isNotNull();
    }

    /** Written prescriptions are verified by themselves, which bumps their version: wait for it before comparing. */
    int awaitAutoVerified(String prescriptionId) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> db.sql(
                "select verification_status is not null from prescriptions where id = ?::uuid").param(prescriptionId).query(Boolean.class).single());
        return db.sql("select version from prescriptions where id = ?::uuid").param(prescriptionId).query(Integer.class).single();
    }

    String medication(String rxcui) {
        return db.sql("select id::text from medications where rxcui = ? and org_id is null").param(rxcui).query(String.class).single();
    }

    Api.Response write(String medicationId, int refills) {
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", patientId.toString());
        body.put("medicationId", medicationId);
        body.put("dose", "1 tablet");
        body.put("sig", "Take one tablet by mouth daily");
        body.put("quantity", 30);
        body.put("quantityUnit", "tablet");
        body.put("daysSupply", 30);
        body.put("refillsAuthorized", refills);
        body.put("diagnosisCode", "I10");
        return api.post("/api/prescriptions", body).token(users.token(TestUsers.PHYSICIAN)).send();
    }

    String anyNonControlled() {
        return db.sql("select id::text from medications where org_id is null and dea_schedule is null and is_active order by name limit 1")
                .query(String.class).single();
    }

    String scheduleTwo() {
        return db.sql("select id::text from medications where org_id is null and dea_schedule = 2 and is_active order by name limit 1")
                .query(String.class).single();
    }

    @Test
    void walksTheWholeLifecycleWithARefill() {
        Api.Response written = write(anyNonControlled(), 1);
        assertThat(written.status()).as(written.raw()).isEqualTo(201);
        String id = written.data().path("id").asString();
        assertThat(written.data().path("status").asString()).isEqualTo("pending");
        assertThat(written.data().path("rxNumber").asString()).startsWith("RX-");
        assertThat(written.data().path("pharmacyId").asString()).isEqualTo(pharmacy.toString());

        assertThat(post(id, "approve", null, TestUsers.PHYSICIAN).data().path("status").asString()).isEqualTo("approved");
        assertThat(post(id, "fill", fill(), TestUsers.TECHNICIAN).data().path("status").asString()).isEqualTo("filled");
        assertThat(post(id, "dispense", Map.of("counselled", true), TestUsers.PHARMACIST).data().path("status").asString()).isEqualTo("dispensed");
        Api.Response refill = post(id, "fill", fill(), TestUsers.PHARMACIST);
        assertThat(refill.data().path("status").asString()).isEqualTo("filled");
        assertThat(refill.data().path("refillsRemaining").asInt()).isZero();
        post(id, "dispense", null, TestUsers.PHARMACIST);

        Api.Response noMore = post(id, "fill", fill(), TestUsers.PHARMACIST);
        assertThat(noMore.status()).isEqualTo(409);
        assertThat(noMore.errorCode()).isEqualTo("INVALID_STATE_TRANSITION");

        Api.Response read = api.get("/api/prescriptions/" + id).token(users.token(TestUsers.PHARMACIST)).send();
        assertThat(read.data().path("fills").size()).isEqualTo(2);
        assertThat(read.data().path("fills").get(0).path("ndc").asString()).isEqualTo("00093726101");
        assertThat(read.data().path("fills").get(1).path("dispenseId").isNull()).isFalse();
        assertThat(db.sql("select count(*) from audit_log where resource_id = ? and action like 'prescription.%'").param(id)
                .query(Long.class).single()).isGreaterThanOrEqualTo(6);

        // The patient's history shows each step, newest first, with no drug names in the summaries.
        Api.Response history = api.get("/api/patients/" + patientId + "/history?limit=50").token(users.token(TestUsers.PHYSICIAN)).send();
        assertThat(history.status()).as(history.raw()).isEqualTo(200);
        List<String> types = history.data().findValuesAsString("type");
        assertThat(types).contains("prescription.written", "prescription.approved", "prescription.filled", "prescription.dispensed");
        assertThat(types.indexOf("prescription.dispensed")).isLessThan(types.indexOf("prescription.written"));
        assertThat(history.raw()).doesNotContain(read.data().path("prescription").path("medication").path("name").asString());
    }

    @Test
    void illegalMovesAre409AndChangeNothing() {
        String id = write(anyNonControlled(), 0).data().path("id").asString();
        int version = awaitAutoVerified(id);

        assertThat(post(id, "dispense", null, TestUsers.PHARMACIST).errorCode()).isEqualTo("INVALID_STATE_TRANSITION");
        assertThat(post(id, "fill", fill(), TestUsers.PHARMACIST).errorCode()).isEqualTo("INVALID_STATE_TRANSITION");
        assertThat(db.sql("select version from prescriptions where id = ?::uuid").param(id).query(Integer.class).single()).isEqualTo(version);
        assertThat(db.sql("select count(*) from prescription_fills where prescription_id = ?::uuid").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void onlyThePrescriberApprovesOnlyPharmacistsDispense() {
        String id = write(anyNonControlled(), 0).data().path("id").asString();
        assertThat(post(id, "approve", null, TestUsers.PHARMACIST).status()).isEqualTo(403);
        UUID otherPhysician = users.create("physician", users.orgOf(TestUsers.PHYSICIAN), "Other-Doctor-1");
        String other = users.signIn(users.lastCreatedEmail(), "Other-Doctor-1").json().path("access_token").asString();
        assertThat(otherPhysician).isNotNull();
        assertThat(api.post("/api/prescriptions/" + id + "/approve", null).token(other).send().status()).isEqualTo(403);
        post(id, "approve", null, TestUsers.PHYSICIAN);
        assertThat(post(id, "fill", fill(), TestUsers.PATIENT).status()).isIn(403, 404);
        post(id, "fill", fill(), TestUsers.TECHNICIAN);
        assertThat(post(id, "dispense", null, TestUsers.TECHNICIAN).status()).isEqualTo(403);
    }

    @Test
    void scheduleTwoCannotHaveRefillsAndNeedsADeaNumber() {
        Api.Response refills = write(scheduleTwo(), 1);
        assertThat(refills.status()).isEqualTo(400);
        assertThat(refills.json().path("error").path("details").get(0).path("field").asString()).isEqualTo("refillsAuthorized");

        Api.Response ok = write(scheduleTwo(), 0);
        assertThat(ok.status()).as(ok.raw()).isEqualTo(201);
        assertThat(ok.data().path("controlled").asBoolean()).isTrue();
        assertThat(ok.data().path("deaSchedule").asInt()).isEqualTo(2);

        db.sql("update users set dea_number = null where email = ?").param(TestUsers.PHYSICIAN).update();
        try {
            Api.Response noDea = write(scheduleTwo(), 0);
            assertThat(noDea.status()).isEqualTo(400);
            assertThat(noDea.json().path("error").path("details").get(0).path("field").asString()).isEqualTo("prescriberId");
        } finally {
            db.sql("update users set dea_number = 'BP1234563' where email = ?").param(TestUsers.PHYSICIAN).update();
        }
    }

    @Test
    void concurrentFillsOfOnePrescriptionCannotBothSucceed() throws Exception {
        String id = write(anyNonControlled(), 3).data().path("id").asString();
        post(id, "approve", null, TestUsers.PHYSICIAN);
        String pharmacist = users.token(TestUsers.PHARMACIST);
        String technician = users.token(TestUsers.TECHNICIAN);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String token = i % 2 == 0 ? pharmacist : technician;
                calls.add(() -> api.post("/api/prescriptions/" + id + "/fill", fill()).token(token).send());
            }
            int succeeded = 0;
            for (Future<Api.Response> f : pool.invokeAll(calls)) {
                Api.Response r = f.get();
                if (r.status() == 200) {
                    succeeded++;
                } else {
                    assertThat(r.errorCode()).isEqualTo("INVALID_STATE_TRANSITION");
                }
            }
            assertThat(succeeded).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.sql("select count(*) from prescription_fills where prescription_id = ?::uuid").param(id).query(Long.class).single()).isOne();
    }

    @Test
    void badInputIsRefusedAndWritesNothing() {
        long before = db.sql("select count(*) from prescriptions").query(Long.class).single();
        Map<String, Object> bad = new HashMap<>();
        bad.put("patientId", patientId.toString());
        bad.put("medicationId", anyNonControlled());
        bad.put("dose", "");
        bad.put("sig", "x");
        bad.put("quantity", -1);
        bad.put("quantityUnit", "bucket");
        bad.put("daysSupply", 0);
        bad.put("refillsAuthorized", 100);
        bad.put("diagnosisCode", "XYZ");
        Api.Response response = api.post("/api/prescriptions", bad).token(users.token(TestUsers.PHYSICIAN)).send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").path("details").findValuesAsString("field"))
                .contains("dose", "quantity", "quantityUnit", "daysSupply", "refillsAuthorized", "diagnosisCode");
        assertThat(write(UUID.randomUUID().toString(), 0).status()).isEqualTo(400);
        assertThat(db.sql("select count(*) from prescriptions").query(Long.class).single()).isEqualTo(before);
        assertThat(api.get("/api/prescriptions?status=bogus").token(users.token(TestUsers.PHARMACIST)).send().status()).isEqualTo(400);
    }

    @Test
    void staffOfOtherOrganisationsCannotSeeIt() {
        String id = write(anyNonControlled(), 0).data().path("id").asString();
        String admin = users.token(TestUsers.ADMIN);
        Api.Response org = api.post("/api/organizations", Map.of("name", "Elsewhere Pharmacy " + UUID.randomUUID(), "kind", "pharmacy")).token(admin).send();
        UUID elsewhere = UUID.fromString(org.data().path("id").asString());
        users.create("pharmacist", elsewhere, "Elsewhere-Pass-1");
        String stranger = users.signIn(users.lastCreatedEmail(), "Elsewhere-Pass-1").json().path("access_token").asString();

        assertThat(api.get("/api/prescriptions/" + id).token(stranger).send().status()).isEqualTo(404);
        assertThat(api.post("/api/prescriptions/" + id + "/fill", fill()).token(stranger).send().status()).isEqualTo(404);
        assertThat(api.get("/api/prescriptions?patientId=" + patientId).token(stranger).send().data().size()).isZero();
        assertThat(api.get("/api/prescriptions/" + id).token(users.token(TestUsers.PHARMACIST)).send().status()).isEqualTo(200);
    }

    @Test
    void patientPrescriptionsAndCancellation() {
        String id = write(anyNonControlled(), 0).data().path("id").asString();
        Api.Response list = api.get("/api/patients/" + patientId + "/prescriptions").token(users.token(TestUsers.PHYSICIAN)).send();
        assertThat(list.data().findValuesAsString("id")).contains(id);

        Api.Response cancelled = post(id, "cancel", Map.of("reason", "Patient declined"), TestUsers.PHYSICIAN);
        assertThat(cancelled.data().path("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.data().path("statusReason").asString()).isEqualTo("Patient declined");
        assertThat(post(id, "approve", null, TestUsers.PHYSICIAN).errorCode()).isEqualTo("INVALID_STATE_TRANSITION");
    }

    @Test
    void interactionsAgainstThePatientsOtherActiveMedications() {
        String warfarin = medicationByIngredient("11289");
        String nsaid = medicationByIngredient("5640");
        if (warfarin == null || nsaid == null) {
            throw new AssertionError("reference catalogue lacks warfarin or ibuprofen products");
        }
        write(warfarin, 0);
        String id = write(nsaid, 0).data().path("id").asString();
        Api.Response found = api.get("/api/prescriptions/" + id + "/interactions").token(users.token(TestUsers.PHARMACIST)).send();
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.data().size()).isGreaterThanOrEqualTo(1);
        assertThat(found.data().get(0).path("severity").asString()).isIn("contraindicated", "major", "moderate");
        assertThat(found.data().get(0).path("recommendation").asString()).isNotBlank();
    }

    String medicationByIngredient(String rxcui) {
        return db.sql("""
                select m.id::text from medications m where m.org_id is null and m.is_active
                  and ? = any(m.ingredient_rxcuis)
                order by m.name limit 1""").param(rxcui).query(String.class).optional().orElse(null);
    }

    Map<String, Object> fill() {
        return Map.of("quantity", 30, "ndc", "0093-7261-01", "lot", "L123");
    }

    Api.Response post(String id, String move, Object body, String who) {
        return api.post("/api/prescriptions/" + id + "/" + move, body == null ? Map.of() : body).token(users.token(who)).send();
    }
}
