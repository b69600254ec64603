package com.ai2aim.rx.prescriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ai2aim.rx.medications.Severity;
import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code drug-interaction-check} through {@code /functions/v1}, against prescriptions written through the API. */
@IntegrationTest
class DrugInteractionCheckIntegrationTests {

    private static final String WARFARIN = "11289";
    private static final String IBUPROFEN = "5640";
    private static final String LISINOPRIL = "29046";

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    Api api;
    TestUsers users;
    JdbcClient db;
    UUID pharmacy;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        db = JdbcClient.create(owner);
        pharmacy = users.orgOf(TestUsers.PHARMACIST);
    }

    UUID newPatient(UUID preferredPharmacy) {
        Map<String, Object> patient = new HashMap<>();
        patient.put("firstName", "Testy");
        patient.put("lastName", "McTestface");
        patient.put("dateOfBirth", "1970-05-06");
        patient.put("sexAtBirth", "female");
        patient.put("mrn", "T-" + UUID.randomUUID().toString().substring(0, 8));
        if (preferredPharmacy != null) {
            patient.put("preferredPharmacyId", preferredPharmacy.toString());
        }
        Api.Response created = api.post("/api/patients", patient).token(users.token(TestUsers.PHYSICIAN)).send();
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return UUID.fromString(created.data().path("id").asString());
    }

    String productWith(String ingredient) {
        return db.sql("""
                select m.id::text from medications m where m.org_id is null and m.is_active
                  and m.ingredient_rxcuis = array[cast(? as text)]
                order by m.name limit 1""").param(ingredient).query(String.class).single();
    }

    String nameOf(String medicationId) {
        return db.sql("select name from medications where id = ?::uuid").param(medicationId).query(String.class).single();
    }

    Api.Response prescribe(UUID patient, String medicationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", patient.toString());
        body.put("medicationId", medicationId);
        body.put("dose", "1 tablet");
        body.put("sig", "Take one tablet by mouth daily");
        body.put("quantity", 30);
        body.put("quantityUnit", "tablet");
        body.put("daysSupply", 30);
        body.put("refillsAuthorized", 0);
        body.put("diagnosisCode", "I10");
        Api.Response written = api.post("/api/prescriptions", body).token(users.token(TestUsers.PHYSICIAN)).send();
        assertThat(written.status()).as(written.raw()).isEqualTo(201);
        return written;
    }

    Api.Response check(UUID patient, String newMedication, String who) {
        return api.post("/functions/v1/drug-interaction-check",
                Map.of("patientId", patient.toString(), "newMedication", newMedication, "dosage", "400 mg three times daily"))
                .token(users.token(who)).send();
    }

    static List<Severity> severities(JsonNode interactions) {
        List<Severity> result = new ArrayList<>();
        interactions.forEach(i -> result.add(Severity.parse(i.path("severity").asString())));
        return result;
    }

    @Test
    void ibuprofenAgainstActiveWarfarinAndLisinoprilFindsInteractionsMostSevereFirst() {
        UUID patient = newPatient(pharmacy);
        String warfarin = productWith(WARFARIN);
        String lisinopril = productWith(LISINOPRIL);
        prescribe(patient, warfarin);
        prescribe(patient, lisinopril);

        Api.Response response = check(patient, IBUPROFEN, TestUsers.PHARMACIST);

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode interactions = response.json().path("interactions");
        assertThat(interactions.size()).isGreaterThanOrEqualTo(2);
        assertThat(interactions.findValuesAsString("medication")).contains(nameOf(warfarin), nameOf(lisinopril));
        assertThat(severities(interactions)).isSortedAccordingTo(Comparator.naturalOrder());
        for (JsonNode i : interactions) {
            assertThat(i.path("description").asString()).isNotBlank();
            assertThat(i.path("recommendation").asString()).isNotBlank();
            assertThat(i.path("source").asString()).isNotBlank();
        }
        JsonNode warfarinFinding = interactions.findParents("medication").stream()
                .filter(i -> i.path("medication").asString().equals(nameOf(warfarin))).findFirst().orElseThrow();
        assertThat(Severity.parse(warfarinFinding.path("severity").asString())).isIn(Severity.CONTRAINDICATED, Severity.MAJOR, Severity.MODERATE);
    }

    @ParameterizedTest(name = "new medication given as {0}")
    @ValueSource(strings = {"catalogue id", "name"})
    void theNewMedicationMayBeNamedByCatalogueIdOrName(String form) {
        UUID patient = newPatient(pharmacy);
        prescribe(patient, productWith(WARFARIN));
        String ibuprofen = productWith(IBUPROFEN);
        String term = form.equals("name") ? "ibuprofen" : ibuprofen;

        Api.Response response = check(patient, term, TestUsers.PHYSICIAN);

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.json().path("interactions").size()).isPositive();
    }

    @Test
    void aPatientWithoutActivePrescriptionsHasNoInteractions() {
        UUID patient = newPatient(pharmacy);

        Api.Response response = check(patient, IBUPROFEN, TestUsers.TECHNICIAN);

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.json().path("interactions").isArray()).isTrue();
        assertThat(response.json().path("interactions").size()).isZero();
    }

    @Test
    void cancelledPrescriptionsDoNotCount() {
        UUID patient = newPatient(pharmacy);
        String id = prescribe(patient, productWith(WARFARIN)).data().path("id").asString();
        Api.Response cancelled = api.post("/api/prescriptions/" + id + "/cancel", Map.of("reason", "Stopped"))
                .token(users.token(TestUsers.PHYSICIAN)).send();
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);

        assertThat(check(patient, IBUPROFEN, TestUsers.PHARMACIST).json().path("interactions").size()).isZero();
    }

    @Test
    void repeatedChecksByDifferentUsersEachSeeOnlyTheirOwn() {
        // More calls than the prepare thresholds of the driver and of PostgreSQL's plan cache (five each), on the
        // priority lane's few connections: a plan cached for one caller must not answer for another.
        UUID shared = newPatient(pharmacy);
        prescribe(shared, productWith(WARFARIN));
        UUID clinicOnly = newPatient(null);
        prescribe(clinicOnly, productWith(WARFARIN));
        String ibuprofen = productWith(IBUPROFEN);
        for (int round = 1; round <= 8; round++) {
            Api.Response pharmacistShared = check(shared, ibuprofen, TestUsers.PHARMACIST);
            Api.Response pharmacistClinicOnly = check(clinicOnly, ibuprofen, TestUsers.PHARMACIST);
            Api.Response physicianClinicOnly = check(clinicOnly, ibuprofen, TestUsers.PHYSICIAN);

            assertThat(pharmacistShared.status()).as("round %d: %s", round, pharmacistShared.raw()).isEqualTo(200);
            assertThat(pharmacistShared.json().path("interactions").size()).as("round %d", round).isPositive();
            assertThat(pharmacistClinicOnly.status()).as("round %d", round).isEqualTo(404);
            assertThat(physicianClinicOnly.status()).as("round %d: %s", round, physicianClinicOnly.raw()).isEqualTo(200);
            assertThat(physicianClinicOnly.json().path("interactions").size()).as("round %d", round).isPositive();
        }
    }

    @Test
    void aPatientTheCallerCannotSeeIsNotFound() {
        UUID notShared = newPatient(null); // the clinic's patient, no preferred pharmacy: invisible to the pharmacy

        Api.Response hidden = check(notShared, IBUPROFEN, TestUsers.PHARMACIST);
        Api.Response missing = check(UUID.randomUUID(), IBUPROFEN, TestUsers.PHARMACIST);

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.raw()).isEqualTo(hidden.raw().replace(hidden.json().path("meta").toString(), missing.json().path("meta").toString()));
    }

    @Test
    void patientsMayNotCallIt() {
        Api.Response response = check(newPatient(pharmacy), IBUPROFEN, TestUsers.PATIENT);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("FORBIDDEN");
    }

    @ParameterizedTest(name = "newMedication \"{0}\" is refused")
    @ValueSource(strings = {"999999999", "zzzqqqxxx-not-a-drug", "00000000-0000-0000-0000-000000000000", " "})
    void aMedicationNotInTheCatalogueIsRefusedNamingTheField(String term) {
        Api.Response response = check(newPatient(pharmacy), term, TestUsers.PHARMACIST);

        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(response.json().path("error").path("details").findValuesAsString("field")).containsExactly("newMedication");
    }

    @Test
    void aMalformedPatientIdIsRefusedNamingTheField() {
        Api.Response response = api.post("/functions/v1/drug-interaction-check",
                Map.of("patientId", "not-a-uuid", "newMedication", IBUPROFEN)).token(users.token(TestUsers.PHARMACIST)).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").path("details").findValuesAsString("field")).containsExactly("patientId");
    }

    @Test
    void theCheckIsAuditedAsAnAccessToThePatientInThePatientsOrganisationAndLoggedAsAnInvocation() {
        UUID patient = newPatient(pharmacy); // the clinic's patient, seen by the pharmacy as their preferred pharmacy
        String ibuprofen = productWith(IBUPROFEN);
        String requestId = "dic-" + UUID.randomUUID();

        Api.Response response = api.post("/functions/v1/drug-interaction-check", Map.of("patientId", patient.toString(),
                "newMedication", ibuprofen)).header("X-Request-Id", requestId).token(users.token(TestUsers.PHARMACIST)).send();

        assertThat(response.status()).isEqualTo(200);
        // Durable when the response arrives (staged with the read, or already chained), and in the chain a moment
        // later: the check runs in the priority lane, which does not wait for the chain writer's batches.
        assertThat(recordsOfTheCheck(patient, requestId)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(db.sql(
                "select count(*) from audit_log where action = 'prescription.interaction_check' and resource_id = ? and request_id = ?")
                .params(patient.toString(), requestId).query(Long.class).single()).isEqualTo(1));
        Map<String, Object> record = db.sql("""
                select org_id, actor_role, details ->> 'medicationId' as medication from audit_log
                where action = 'prescription.interaction_check' and request_id = ?""").param(requestId).query().singleRow();
        assertThat(record.get("org_id")).as("the patient's organisation, not the caller's").isEqualTo(users.orgOf(TestUsers.PHYSICIAN))
                .isNotEqualTo(pharmacy);
        assertThat(record.get("actor_role")).isEqualTo("pharmacist");
        assertThat(record.get("medication")).isEqualTo(ibuprofen);
        assertThat(db.sql("select function_name from function_invocations where request_id = ?").param(requestId)
                .query(String.class).single()).isEqualTo("drug-interaction-check");
    }

    @Test
    void aPatientTheCallerCannotSeeLeavesNoAccessRecordWhileAnUnknownMedicationStillRecordsTheRead() {
        UUID hidden = newPatient(null);
        UUID visible = newPatient(pharmacy);
        String hiddenRequest = "dic-" + UUID.randomUUID();
        String unknownRequest = "dic-" + UUID.randomUUID();

        Api.Response notFound = api.post("/functions/v1/drug-interaction-check", Map.of("patientId", hidden.toString(),
                "newMedication", productWith(IBUPROFEN))).header("X-Request-Id", hiddenRequest).token(users.token(TestUsers.PHARMACIST)).send();
        Api.Response unknown = api.post("/functions/v1/drug-interaction-check", Map.of("patientId", visible.toString(),
                "newMedication", UUID.randomUUID().toString())).header("X-Request-Id", unknownRequest).token(users.token(TestUsers.PHARMACIST)).send();

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(recordsOfTheCheck(hidden, hiddenRequest)).isZero();
        assertThat(recordsOfTheCheck(visible, unknownRequest)).as("the patient's medications were read").isEqualTo(1);
    }

    /** The check's access records for a request, staged or chained, counted in one snapshot. */
    long recordsOfTheCheck(UUID patient, String requestId) {
        return db.sql("""
                select (select count(*) from audit_log where action = 'prescription.interaction_check' and resource_id = ? and request_id = ?)
                     + (select count(*) from audit_staged s, jsonb_array_elements(s.entries) e
                        where e ->> 'action' = 'prescription.interaction_check' and e ->> 'resourceId' = ? and e ->> 'requestId' = ?)""")
                .params(patient.toString(), requestId, patient.toString(), requestId).query(Long.class).single();
    }
}
