package com.ai2aim.rx.patients;

import static com.ai2aim.rx.patients.PatientFixtures.create;
import static com.ai2aim.rx.patients.PatientFixtures.full;
import static com.ai2aim.rx.patients.PatientFixtures.minimal;
import static com.ai2aim.rx.patients.PatientFixtures.uniqueMrn;
import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import tools.jackson.databind.JsonNode;

@IntegrationTest
class PatientApiIntegrationTests {

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    Api api;
    TestUsers users;
    JdbcClient db;
    String pharmacist;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        db = JdbcClient.create(owner);
        pharmacist = users.token(TestUsers.PHARMACIST);
    }

    @Test
    void createsAWholePatientAndReadsItBack() {
        String mrn = uniqueMrn();
        Api.Response created = api.post("/api/patients", full(mrn)).token(pharmacist).send();

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.data().path("id").asString();
        assertThat(created.header("Location")).endsWith("/api/patients/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");

        Api.Response read = api.get("/api/patients/" + id).token(pharmacist).send();
        assertThat(read.status()).isEqualTo(200);
        JsonNode p = read.data();
        assertThat(p.path("orgId").asString()).isEqualTo(users.orgOf(TestUsers.PHARMACIST).toString());
        assertThat(p.path("mrn").asString()).isEqualTo(mrn);
        assertThat(p.path("dateOfBirth").asString()).isEqualTo("1975-06-15");
        assertThat(p.path("address").path("city").asString()).isEqualTo("Nowhere");
        // The three lists come back from one statement with shared columns: every field must land in its own place.
        JsonNode allergy = p.path("allergies").get(0);
        assertThat(List.of(allergy.path("substance").asString(), allergy.path("rxcui").asString(),
                allergy.path("drugClass").asString(), allergy.path("reaction").asString(), allergy.path("severity").asString()))
                .containsExactly("Amoxicillin", "723", "Penicillins", "Hives", "severe");
        JsonNode condition = p.path("conditions").get(0);
        assertThat(List.of(condition.path("icd10Code").asString(), condition.path("text").asString()))
                .containsExactly("E11.9", "Type 2 diabetes mellitus");
        JsonNode coverage = p.path("coverages").get(0);
        assertThat(List.of(coverage.path("payerName").asString(), coverage.path("memberId").asString(),
                coverage.path("groupNumber").asString(), coverage.path("bin").asString(), coverage.path("pcn").asString(),
                coverage.path("relationship").asString(), coverage.path("priority").asString()))
                .containsExactly("Imaginary Health", "MEM123456", "GRP1", "610014", "PCN-01", "self", "1");
        assertThat(p.path("isActive").asBoolean()).isTrue();
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void consentGivenWithoutATimeIsStampedAndAWithdrawnConsentHasNone() {
        UUID id = create(api, pharmacist, full(uniqueMrn()));
        JsonNode consent = api.get("/api/patients/" + id).token(pharmacist).send().data().path("communicationPreferences").path("consent");

        assertThat(consent.path("sms").path("granted").asBoolean()).isTrue();
        assertThat(consent.path("sms").path("at").asString()).isNotBlank();
        assertThat(consent.path("email").path("at").asString()).isEqualTo("2025-01-02T03:04:05Z");
        assertThat(consent.path("push").path("at").isNull()).isTrue();
    }

    @Test
    void updateChangesGivenFieldsAndReplacesGivenListsKeepingItemsByIdOnly() {
        UUID id = create(api, pharmacist, full(uniqueMrn()));
        JsonNode before = api.get("/api/patients/" + id).token(pharmacist).send().data();
        String keptAllergy = before.path("allergies").get(0).path("id").asString();

        List<Object> allergies = new ArrayList<>();
        allergies.add(Map.of("id", keptAllergy, "substance", "Amoxicillin", "rxcui", "723", "severity", "life_threatening"));
        allergies.add(Map.of("drugClass", "Sulfonamides", "severity", "mild"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone", "+15555550999");
        body.put("allergies", allergies);
        body.put("conditions", List.of());
        Api.Response updated = api.put("/api/patients/" + id, body).token(pharmacist).header("If-Match", "\"1\"").send();

        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");
        JsonNode p = updated.data();
        assertThat(p.path("phone").asString()).isEqualTo("+15555550999");
        assertThat(p.path("firstName").asString()).isEqualTo("Alex");
        assertThat(p.path("allergies")).hasSize(2);
        assertThat(p.path("allergies").get(0).path("id").asString()).isEqualTo(keptAllergy);
        assertThat(p.path("allergies").get(0).path("severity").asString()).isEqualTo("life_threatening");
        assertThat(p.path("conditions")).isEmpty();
        assertThat(p.path("coverages")).hasSize(1);
        assertThat(db.sql("select count(*) from patient_conditions where patient_id = ? and removed_at is not null").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void itemsSentBackWithTheirIdsAreUpdatedInPlaceAndKeepWhenTheyWereRecorded() {
        UUID id = create(api, pharmacist, full(uniqueMrn()));
        JsonNode before = api.get("/api/patients/" + id).token(pharmacist).send().data();
        JsonNode condition = before.path("conditions").get(0);
        String coverage = before.path("coverages").get(0).path("id").asString();

        Api.Response updated = api.put("/api/patients/" + id, Map.of(
                "conditions", List.of(Map.of("id", condition.path("id").asString(), "icd10Code", "e11.65", "text", "With hyperglycemia")),
                "coverages", List.of(Map.of("id", coverage, "payerName", "Imaginary Health", "memberId", "MEM654321", "bin", "004336", "priority", 2))))
                .token(pharmacist).send();

        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        JsonNode after = updated.data();
        assertThat(after.path("conditions").get(0).path("id").asString()).isEqualTo(condition.path("id").asString());
        assertThat(after.path("conditions").get(0).path("icd10Code").asString()).isEqualTo("E11.65");
        assertThat(after.path("conditions").get(0).path("recordedAt").asString()).isEqualTo(condition.path("recordedAt").asString());
        assertThat(after.path("coverages").get(0).path("id").asString()).isEqualTo(coverage);
        assertThat(after.path("coverages").get(0).path("bin").asString()).isEqualTo("004336");
        assertThat(after.path("coverages").get(0).path("priority").asInt()).isEqualTo(2);
        assertThat(after.path("allergies")).hasSize(1);
        assertThat(db.sql("select count(*) from patient_coverages where patient_id = ?").param(id).query(Long.class).single()).isOne();
    }

    @Test
    void updateNamingAnItemOfAnotherPatientIsRefusedAndChangesNothing() {
        UUID first = create(api, pharmacist, full(uniqueMrn()));
        UUID second = create(api, pharmacist, full(uniqueMrn()));
        String foreignAllergy = api.get("/api/patients/" + first).token(pharmacist).send().data().path("allergies").get(0).path("id").asString();

        Api.Response refused = api.put("/api/patients/" + second, Map.of("phone", "+15555550001",
                "allergies", List.of(Map.of("id", foreignAllergy, "substance", "Latex")))).token(pharmacist).send();

        assertThat(refused.status()).isEqualTo(400);
        assertThat(PatientFixtures.errorFields(refused)).containsExactly("allergies[0].id");
        assertThat(db.sql("select version from patients where id = ?").param(second).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void staleIfMatchIsRefusedWith412AndChangesNothing() {
        UUID id = create(api, pharmacist, minimal(uniqueMrn()));
        assertThat(api.put("/api/patients/" + id, Map.of("firstName", "First")).token(pharmacist).header("If-Match", "\"1\"").send()
                .status()).isEqualTo(200);

        Api.Response stale = api.put("/api/patients/" + id, Map.of("firstName", "Second")).token(pharmacist).header("If-Match", "\"1\"").send();

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.errorCode()).isEqualTo("PRECONDITION_FAILED");
        assertThat(db.sql("select first_name from patients where id = ?").param(id).query(String.class).single()).isEqualTo("First");
        Api.Response staleDelete = api.delete("/api/patients/" + id).token(pharmacist).header("If-Match", "\"1\"").send();
        assertThat(staleDelete.status()).isEqualTo(412);
        assertThat(db.sql("select deleted_at is null from patients where id = ?").param(id).query(Boolean.class).single()).isTrue();
    }

    @Test
    void softDeleteKeepsTheRowAndHidesItExceptFromAdminsAskingForIt() {
        String mrn = uniqueMrn();
        UUID id = create(api, pharmacist, minimal(mrn));

        Api.Response deleted = api.delete("/api/patients/" + id).token(pharmacist).send();
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.data().path("isActive").asBoolean()).isFalse();

        assertThat(db.sql("select is_active from patients where id = ? and deleted_at is not null").param(id).query(Boolean.class).single()).isFalse();
        assertThat(api.get("/api/patients/" + id).token(pharmacist).send().status()).isEqualTo(404);
        assertThat(api.get("/api/patients?mrn=" + mrn).token(pharmacist).send().data()).isEmpty();
        assertThat(api.put("/api/patients/" + id, Map.of("firstName", "Back")).token(pharmacist).send().status()).isEqualTo(404);
        assertThat(api.delete("/api/patients/" + id).token(pharmacist).send().status()).isEqualTo(404);
        assertThat(api.get("/api/patients/" + id + "?includeDeleted=true").token(pharmacist).send().status()).isEqualTo(403);

        String admin = users.token(TestUsers.ADMIN);
        Api.Response asAdmin = api.get("/api/patients/" + id + "?includeDeleted=true").token(admin).send();
        assertThat(asAdmin.status()).isEqualTo(200);
        assertThat(asAdmin.data().path("deletedAt").asString()).isNotBlank();
        assertThat(api.get("/api/patients?includeDeleted=true&mrn=" + mrn).token(admin).send().data()).hasSize(1);
        assertThat(api.get("/api/patients/" + id).token(admin).send().status()).isEqualTo(404);
    }

    @Test
    void mrnIsUniqueWithinAnOrganisationButMayRepeatInAnother() {
        String mrn = uniqueMrn();
        create(api, pharmacist, minimal(mrn));

        Api.Response duplicate = api.post("/api/patients", minimal(mrn)).token(users.token(TestUsers.TECHNICIAN)).send();
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.errorCode()).isEqualTo("CONFLICT");
        assertThat(duplicate.raw()).doesNotContain(mrn);

        create(api, users.token(TestUsers.PHYSICIAN), minimal(mrn));
        assertThat(PatientFixtures.rowsWithMrn(db, mrn)).isEqualTo(2);

        UUID other = create(api, pharmacist, minimal(uniqueMrn()));
        assertThat(api.put("/api/patients/" + other, Map.of("mrn", mrn)).token(pharmacist).send().status()).isEqualTo(409);
    }

    @Test
    void idempotentCreateReturnsTheFirstResultAndWritesOneRow() {
        String mrn = uniqueMrn();
        String key = "patient-" + UUID.randomUUID();
        Api.Response first = api.post("/api/patients", minimal(mrn)).token(pharmacist).header("Idempotency-Key", key).send();
        Api.Response retry = api.post("/api/patients", minimal(mrn)).token(pharmacist).header("Idempotency-Key", key).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.data().path("id").asString()).isEqualTo(first.data().path("id").asString());
        assertThat(PatientFixtures.rowsWithMrn(db, mrn)).isEqualTo(1);

        Map<String, Object> different = minimal(mrn);
        different.put("firstName", "Other");
        assertThat(api.post("/api/patients", different).token(pharmacist).header("Idempotency-Key", key).send().errorCode())
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void listFiltersByNamePrefixOfEitherNameInAnyCase() {
        String surname = PatientFixtures.uniqueLetters(8);
        Map<String, Object> a = minimal(uniqueMrn());
        a.put("lastName", surname + "son");
        Map<String, Object> b = minimal(uniqueMrn());
        b.put("firstName", surname + "ette");
        b.put("dateOfBirth", "1990-02-03");
        b.put("phone", "+15555550777");
        create(api, pharmacist, a);
        UUID bId = create(api, pharmacist, b);

        assertThat(names(api.get("/api/patients?name=" + surname.toUpperCase()).token(pharmacist).send())).hasSize(2);
        assertThat(names(api.get("/api/patients?name=" + surname + "&dateOfBirth=1990-02-03").token(pharmacist).send()))
                .containsExactly(surname + "ette");
        assertThat(ids(api.get("/api/patients?phone=%2B15555550777&name=" + surname).token(pharmacist).send())).containsExactly(bId.toString());
        assertThat(api.get("/api/patients?name=" + surname + "&active=false").token(pharmacist).send().data()).isEmpty();
        assertThat(api.get("/api/patients?name=%25").token(pharmacist).send().data()).isEmpty();
        assertThat(api.get("/api/patients?name=" + surname.substring(0, 3) + "_").token(pharmacist).send().data()).isEmpty();
    }

    @Test
    void listSortsAndPaginates() {
        String surname = PatientFixtures.uniqueLetters(8);
        for (String suffix : List.of("b", "c", "a")) {
            Map<String, Object> body = minimal(uniqueMrn());
            body.put("lastName", surname + suffix);
            create(api, pharmacist, body);
        }
        Api.Response page1 = api.get("/api/patients?name=" + surname + "&sort=-lastName&limit=2").token(pharmacist).send();
        Api.Response page2 = api.get("/api/patients?name=" + surname + "&sort=-lastName&limit=2&page=2").token(pharmacist).send();

        assertThat(lastNames(page1)).containsExactly(surname + "c", surname + "b");
        assertThat(lastNames(page2)).containsExactly(surname + "a");
        JsonNode pagination = page1.json().path("pagination");
        assertThat(pagination.path("total").asLong()).isEqualTo(3);
        assertThat(pagination.path("pages").asLong()).isEqualTo(2);
        assertThat(pagination.path("hasNext").asBoolean()).isTrue();
        assertThat(page2.json().path("pagination").path("hasPrev").asBoolean()).isTrue();
    }

    @Test
    void badListParametersAreRefusedNamingTheParameter() {
        Api.Response badDate = api.get("/api/patients?dateOfBirth=15/06/1975").token(pharmacist).send();
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(PatientFixtures.errorFields(badDate)).containsExactly("dateOfBirth");
        assertThat(PatientFixtures.errorFields(api.get("/api/patients?sort=ssn").token(pharmacist).send())).containsExactly("sort");
        assertThat(PatientFixtures.errorFields(api.get("/api/patients?active=maybe").token(pharmacist).send())).containsExactly("active");
        assertThat(PatientFixtures.errorFields(api.get("/api/patients?limit=1000").token(pharmacist).send())).containsExactly("limit");
        assertThat(api.get("/api/patients/not-a-uuid").token(pharmacist).send().status()).isEqualTo(400);
    }

    @Test
    void auditRowsForAChangeAndAReadNameFieldsButHoldNoValues() {
        Map<String, Object> body = full(uniqueMrn());
        body.put("firstName", "Quillonius");
        body.put("lastName", "Xendravor");
        String createRequest = "create-" + UUID.randomUUID();
        UUID id = UUID.fromString(api.post("/api/patients", body).token(pharmacist).header("X-Request-Id", createRequest).send()
                .data().path("id").asString());
        String readRequest = "read-" + UUID.randomUUID();
        api.get("/api/patients/" + id).token(pharmacist).header("X-Request-Id", readRequest).send();
        String listRequest = "list-" + UUID.randomUUID();
        api.get("/api/patients?name=Quillon").token(pharmacist).header("X-Request-Id", listRequest).send();

        Map<String, Object> change = auditRow(createRequest);
        assertThat(change.get("action")).isEqualTo("patient.create");
        assertThat(change.get("resource_id")).isEqualTo(id.toString());
        assertThat(change.get("org_id")).isEqualTo(users.orgOf(TestUsers.PHARMACIST).toString());
        assertThat((String) change.get("changed_fields")).contains("first_name", "date_of_birth", "allergies", "phone");
        Map<String, Object> read = auditRow(readRequest);
        assertThat(read.get("action")).isEqualTo("patient.read");
        assertThat(read.get("resource_id")).isEqualTo(id.toString());
        Map<String, Object> list = auditRow(listRequest);
        assertThat(list.get("action")).isEqualTo("patient.list");
        assertThat((String) list.get("details")).contains("\"name\"");

        for (Map<String, Object> row : List.of(change, read, list)) {
            String text = row.toString();
            assertThat(text).doesNotContain("Quillon", "Xendravor", "1975-06-15", "5555550123", "Amoxicillin", "E11.9",
                    "MEM123456", (String) body.get("mrn"), "example.invalid", "Imaginary");
        }
    }

    private Map<String, Object> auditRow(String requestId) {
        return db.sql("""
                select action, resource_id, org_id::text as org_id, array_to_string(changed_fields, ',') as changed_fields,
                    details::text as details from audit_log where request_id = ?""")
                .param(requestId).query().singleRow();
    }

    private static List<String> names(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        r.data().forEach(p -> names.add(p.path("firstName").asString().startsWith("Zz") ? p.path("firstName").asString() : p.path("lastName").asString()));
        return names;
    }

    private static List<String> lastNames(Api.Response r) {
        List<String> names = new ArrayList<>();
        r.data().forEach(p -> names.add(p.path("lastName").asString()));
        return names;
    }

    private static List<String> ids(Api.Response r) {
        List<String> ids = new ArrayList<>();
        r.data().forEach(p -> ids.add(p.path("id").asString()));
        return ids;
    }
}
