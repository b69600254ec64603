package com.ai2aim.rx.patients;

import static com.ai2aim.rx.patients.PatientFixtures.create;
import static com.ai2aim.rx.patients.PatientFixtures.minimal;
import static com.ai2aim.rx.patients.PatientFixtures.uniqueMrn;
import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The access matrix, against a patient of Demo Pharmacy: role × endpoint × outcome. Another organisation's staff
 * get 404 (never 403, which would confirm the id); technicians and patients may not record clinical facts.
 */
@IntegrationTest
class PatientAccessIntegrationTests {

    private static final String OUTSIDER_PASSWORD = "Outsider-Pass-2026";
    private static volatile String outsiderEmail;

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    Api api;
    TestUsers users;
    JdbcClient db;
    UUID pharmacy;
    UUID patient;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        db = JdbcClient.create(owner);
        pharmacy = users.orgOf(TestUsers.PHARMACIST);
        patient = create(api, users.token(TestUsers.PHARMACIST), minimal(uniqueMrn()));
    }

    enum Who { ADMIN, PHARMACIST, TECHNICIAN, PHYSICIAN_OF_ANOTHER_ORG, PATIENT_NOT_LINKED, PHARMACIST_OF_ANOTHER_PHARMACY }

    enum Action { LIST, GET, HISTORY, PUT_DEMOGRAPHICS, PUT_ALLERGIES, DELETE, ADD_ALLERGY, ADD_CONDITION, ADD_VISIT, CREATE }

    static Stream<Arguments> matrix() {
        List<Arguments> cells = new ArrayList<>();
        // expected statuses per action, in the order of Who: admin, pharmacist, technician, clinic physician, patient, other pharmacy
        add(cells, Action.LIST, 200, 200, 200, 0, 0, 0); // 0: the list answers 200 without this patient
        add(cells, Action.GET, 200, 200, 200, 404, 404, 404);
        add(cells, Action.HISTORY, 200, 200, 200, 404, 404, 404);
        add(cells, Action.PUT_DEMOGRAPHICS, 200, 200, 200, 404, 404, 404);
        add(cells, Action.PUT_ALLERGIES, 200, 200, 403, 404, 404, 404);
        add(cells, Action.DELETE, 200, 200, 403, 404, 404, 404);
        add(cells, Action.ADD_ALLERGY, 201, 201, 403, 404, 403, 404);
        add(cells, Action.ADD_CONDITION, 201, 201, 403, 404, 403, 404);
        add(cells, Action.ADD_VISIT, 201, 201, 201, 404, 403, 404);
        add(cells, Action.CREATE, 201, 201, 201, 201, 403, 201);
        return cells.stream();
    }

    private static void add(List<Arguments> cells, Action action, int... expected) {
        Who[] who = Who.values();
        for (int i = 0; i < who.length; i++) {
            cells.add(Arguments.of(who[i], action, expected[i]));
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("matrix")
    void accessMatrix(Who who, Action action, int expected) {
        String token = token(who);
        Api.Response response = perform(action, token, who);
        if (action == Action.LIST) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.data().findValuesAsString("id").contains(patient.toString())).isEqualTo(expected == 200);
            return;
        }
        assertThat(response.status()).as(response.raw()).isEqualTo(expected);
        if (expected == 404) {
            assertThat(response.errorCode()).isEqualTo("NOT_FOUND");
        }
        if (expected >= 400) {
            assertThat(db.sql("select version from patients where id = ?").param(patient).query(Integer.class).single()).isEqualTo(1);
            assertThat(db.sql("select count(*) from patient_allergies where patient_id = ?").param(patient).query(Long.class).single()).isZero();
            assertThat(db.sql("select count(*) from patient_visits where patient_id = ?").param(patient).query(Long.class).single()).isZero();
        }
    }

    private Api.Response perform(Action action, String token, Who who) {
        String path = "/api/patients/" + patient;
        return switch (action) {
            case LIST -> api.get("/api/patients?limit=100&sort=-createdAt").token(token).send();
            case GET -> api.get(path).token(token).send();
            case HISTORY -> api.get(path + "/history").token(token).send();
            case PUT_DEMOGRAPHICS -> api.put(path, Map.of("lastName", "Renamed", "dateOfBirth", "1970-01-01")).token(token).send();
            case PUT_ALLERGIES -> api.put(path, Map.of("allergies", List.of(Map.of("substance", "Latex")))).token(token).send();
            case DELETE -> api.delete(path).token(token).send();
            case ADD_ALLERGY -> api.post(path + "/allergies", Map.of("drugClass", "Cephalosporins", "severity", "mild")).token(token).send();
            case ADD_CONDITION -> api.post(path + "/conditions", Map.of("icd10Code", "I10")).token(token).send();
            case ADD_VISIT -> api.post(path + "/visits", Map.of("type", "consultation")).token(token).send();
            case CREATE -> {
                Map<String, Object> body = minimal(uniqueMrn());
                if (who == Who.ADMIN) {
                    body.put("orgId", pharmacy.toString());
                }
                yield api.post("/api/patients", body).token(token).send();
            }
        };
    }

    private String token(Who who) {
        return switch (who) {
            case ADMIN -> users.token(TestUsers.ADMIN);
            case PHARMACIST -> users.token(TestUsers.PHARMACIST);
            case TECHNICIAN -> users.token(TestUsers.TECHNICIAN);
            case PHYSICIAN_OF_ANOTHER_ORG -> users.token(TestUsers.PHYSICIAN);
            case PATIENT_NOT_LINKED -> users.token(TestUsers.PATIENT);
            case PHARMACIST_OF_ANOTHER_PHARMACY -> outsider();
        };
    }

    /** A pharmacist of a second pharmacy, made once for the class. */
    private String outsider() {
        if (outsiderEmail == null) {
            String admin = users.token(TestUsers.ADMIN);
            Api.Response org = api.post("/api/organizations", Map.of("name", "Elsewhere Pharmacy", "kind", "pharmacy")).token(admin).send();
            users.create("pharmacist", UUID.fromString(org.data().path("id").asString()), OUTSIDER_PASSWORD);
            outsiderEmail = users.lastCreatedEmail();
        }
        return users.signIn(outsiderEmail, OUTSIDER_PASSWORD).json().path("access_token").asString();
    }

    @Test
    void aPatientSeesAndChangesOnlyTheirOwnContactDetails() {
        UUID account = users.create("patient", pharmacy, "Own-Record-Pass-1");
        String token = users.signIn(users.lastCreatedEmail(), "Own-Record-Pass-1").json().path("access_token").asString();
        Map<String, Object> body = minimal(uniqueMrn());
        body.put("userId", account.toString());
        UUID own = create(api, users.token(TestUsers.PHARMACIST), body);

        Api.Response list = api.get("/api/patients").token(token).send();
        assertThat(list.data().findValuesAsString("id")).containsExactly(own.toString());
        assertThat(api.get("/api/patients/" + own).token(token).send().status()).isEqualTo(200);
        assertThat(api.get("/api/patients/" + own + "/history").token(token).send().status()).isEqualTo(200);
        assertThat(api.get("/api/patients/" + patient).token(token).send().status()).isEqualTo(404);

        Api.Response contact = api.put("/api/patients/" + own, Map.of("phone", "+15555550444", "address", Map.of("city", "Elsewhere"),
                "communicationPreferences", Map.of("channels", List.of("push"), "consent", Map.of("push", Map.of("granted", true)))))
                .token(token).send();
        assertThat(contact.status()).as(contact.raw()).isEqualTo(200);
        assertThat(contact.data().path("phone").asString()).isEqualTo("+15555550444");

        assertThat(api.put("/api/patients/" + own, Map.of("firstName", "Changed")).token(token).send().status()).isEqualTo(403);
        assertThat(api.put("/api/patients/" + own, Map.of("conditions", List.of())).token(token).send().status()).isEqualTo(403);
        assertThat(api.delete("/api/patients/" + own).token(token).send().status()).isEqualTo(403);
        assertThat(api.get("/api/patients/" + own + "?includeDeleted=true").token(token).send().status()).isEqualTo(403);
        assertThat(db.sql("select first_name || ':' || (deleted_at is null) from patients where id = ?").param(own).query(String.class).single())
                .isEqualTo("Alex:true");
    }

    @Test
    void thePreferredPharmacysStaffReadAClinicPatientButDoNotChangeIt() {
        Map<String, Object> body = minimal(uniqueMrn());
        body.put("preferredPharmacyId", pharmacy.toString());
        UUID clinicPatient = create(api, users.token(TestUsers.PHYSICIAN), body);
        String pharmacist = users.token(TestUsers.PHARMACIST);
        String path = "/api/patients/" + clinicPatient;

        assertThat(api.get(path).token(pharmacist).send().status()).isEqualTo(200);
        assertThat(api.get("/api/patients?mrn=" + body.get("mrn")).token(pharmacist).send().data()).hasSize(1);
        assertThat(api.put(path, Map.of("phone", "+15555550555")).token(pharmacist).send().status()).isEqualTo(403);
        assertThat(api.post(path + "/allergies", Map.of("substance", "Latex")).token(pharmacist).send().status()).isEqualTo(403);
        assertThat(api.delete(path).token(pharmacist).send().status()).isEqualTo(403);
        Api.Response pickup = api.post(path + "/visits", Map.of("type", "pickup")).token(users.token(TestUsers.TECHNICIAN)).send();
        assertThat(pickup.status()).as(pickup.raw()).isEqualTo(201);
        assertThat(pickup.data().path("orgId").asString()).isEqualTo(pharmacy.toString());
        assertThat(api.get(path + "/history").token(pharmacist).send().data().findValuesAsString("type")).contains("visit.pickup");

        assertThat(api.get(path).token(outsider()).send().status()).isEqualTo(404);
        assertThat(db.sql("select version from patients where id = ?").param(clinicPatient).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aGuessedIdAndARealOneOfAnotherOrganisationLookTheSame() {
        String outsider = outsider();
        Api.Response real = api.get("/api/patients/" + patient).token(outsider).send();
        Api.Response guessed = api.get("/api/patients/" + UUID.randomUUID()).token(outsider).send();
        assertThat(real.status()).isEqualTo(guessed.status()).isEqualTo(404);
        assertThat(real.json().path("error")).isEqualTo(guessed.json().path("error"));
    }

    @Test
    void staffCannotRegisterPatientsInAnotherOrganisation() {
        Map<String, Object> body = minimal(uniqueMrn());
        body.put("orgId", users.orgOf(TestUsers.PHYSICIAN).toString());
        Api.Response refused = api.post("/api/patients", body).token(users.token(TestUsers.PHARMACIST)).send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(PatientFixtures.rowsWithMrn(db, (String) body.get("mrn"))).isZero();
    }

    @Test
    void unauthenticatedCallersGet401() {
        assertThat(api.get("/api/patients").send().status()).isEqualTo(401);
        assertThat(api.post("/api/patients", minimal(uniqueMrn())).send().status()).isEqualTo(401);
    }

    @Test
    void theDemoPatientIsLinkedToTheDemoPatientAccount() {
        Api.Response own = api.get("/api/patients").token(users.token(TestUsers.PATIENT)).send();
        assertThat(own.data()).hasSize(1);
        assertThat(own.data().get(0).path("mrn").asString()).isEqualTo("DEMO-P-0001");
        assertThat(own.data().get(0).path("userId").asString()).isEqualTo(users.id(TestUsers.PATIENT).toString());
        String id = own.data().get(0).path("id").asString();
        var detail = api.get("/api/patients/" + id).token(users.token(TestUsers.PATIENT)).send().data();
        assertThat(detail.path("allergies").get(0).path("rxcui").asString()).isEqualTo("723");
        assertThat(detail.path("conditions")).isNotEmpty();
        Api.Response clinic = api.get("/api/patients?mrn=DEMO-C-0001").token(users.token(TestUsers.PHARMACIST)).send();
        assertThat(clinic.data().get(0).path("preferredPharmacyId").asString()).isEqualTo(pharmacy.toString());
    }
}
