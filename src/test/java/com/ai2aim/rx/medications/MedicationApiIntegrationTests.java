package com.ai2aim.rx.medications;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class MedicationApiIntegrationTests {

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

    private List<String> searchNames(String q, String email) {
        Api.Response r = api.get("/api/medications/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8))
                .token(users.token(email)).send();
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return names(r.data());
    }

    private static List<String> names(JsonNode products) {
        List<String> names = new java.util.ArrayList<>();
        products.forEach(p -> names.add(p.path("name").asString()));
        return names;
    }

    @Test
    void searchFindsByNamePrefixFirst() {
        List<String> names = searchNames("oxycodone hydrochloride 5", TestUsers.PATIENT);
        assertThat(names).isNotEmpty();
        assertThat(names.get(0)).startsWith("oxycodone hydrochloride 5");
    }

    @Test
    void searchToleratesMisspellings() {
        assertThat(searchNames("oxycodne", TestUsers.TECHNICIAN)).isNotEmpty().allMatch(n -> n.toLowerCase().contains("oxycodone"));
        assertThat(searchNames("alprazolan", TestUsers.PHYSICIAN)).anyMatch(n -> n.startsWith("alprazolam"));
    }

    @Test
    void searchByRxcuiFindsTheProductThenProductsContainingTheIngredient() {
        Api.Response product = api.get("/api/medications/search?q=1049621").token(users.token(TestUsers.PHARMACIST)).send();
        assertThat(product.data().get(0).path("rxcui").asString()).isEqualTo("1049621");
        assertThat(product.data().get(0).path("name").asString()).isEqualTo("oxycodone hydrochloride 5 MG Oral Tablet");

        Api.Response ingredient = api.get("/api/medications/search?q=7804&limit=100").token(users.token(TestUsers.PHARMACIST)).send();
        assertThat(ingredient.data().get(0).path("rxcui").asString()).isEqualTo("7804");
        assertThat(ingredient.data().size()).isGreaterThan(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0069-2587-10", "00069-2587-10", "00069258710", "0069258710"})
    void searchFindsAFourFourTwoNdcInEveryForm(String form) {
        assertThat(searchNames(form, TestUsers.PATIENT)).containsExactly("Vancomycin Hydrochloride");
    }

    @ParameterizedTest
    @ValueSource(strings = {"16590-619-30", "16590-0619-30", "16590061930", "1659061930"})
    void searchFindsAFiveThreeTwoNdcInEveryForm(String form) {
        assertThat(searchNames(form, TestUsers.PATIENT)).containsExactly("Percocet tablet");
    }

    @Test
    void searchFindsAFiveFourOneNdcInEveryForm() {
        String pharmacist = users.token(TestUsers.PHARMACIST);
        Api.Response created = api.post("/api/medications", localProduct("Compounded morphine 5-4-1", List.of("12345-6789-1")))
                .token(pharmacist).send();
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.data().path("ndcs").get(0).asString()).isEqualTo("12345678901");
        for (String form : List.of("12345-6789-1", "12345-6789-01", "12345678901", "1234567891")) {
            assertThat(searchNames(form, TestUsers.PHARMACIST)).as(form).contains("Compounded morphine 5-4-1");
        }
    }

    @Test
    void searchRejectsBadTermsWithoutServerErrors() {
        String token = users.token(TestUsers.PATIENT);
        for (String q : List.of("", "a", "2501-813-16", "1-2-3", "x".repeat(101))) {
            Api.Response r = api.get("/api/medications/search?q=" + q).token(token).send();
            assertThat(r.status()).as(q).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("VALIDATION_ERROR");
        }
        assertThat(api.get("/api/medications/search?q=oxy&limit=0").token(token).send().status()).isEqualTo(400);
        assertThat(api.get("/api/medications/search?q=%25%25_%5C").token(token).send().status()).isEqualTo(200);
        assertThat(api.get("/api/medications/search?q=oxycodone").send().status()).isEqualTo(401);
    }

    @Test
    void catalogueShipsAtLeastFiveHundredRealProducts() {
        long products = db.sql("select count(*) from medications where org_id is null and rxcui is not null and tty <> 'IN'")
                .query(Long.class).single();
        assertThat(products).isGreaterThanOrEqualTo(500);
        long complete = db.sql("""
                select count(*) from medications where source = 'rxnorm-cdc-value-set'
                   and strength is not null and dose_form is not null and route is not null and therapeutic_class is not null
                   and jsonb_array_length(ingredients) > 0""").query(Long.class).single();
        assertThat(complete).isEqualTo(db.sql("select count(*) from medications where source = 'rxnorm-cdc-value-set'").query(Long.class).single());
    }

    @Test
    void opioidsCarryTheCdc2022FactorsNotThe2016Ones() {
        assertThat(factor("7804")).isEqualByComparingTo("1.5");
        assertThat(factor("3423")).isEqualByComparingTo("5");
        assertThat(factor("10689")).isEqualByComparingTo("0.2");
        assertThat(factor("6813")).isEqualByComparingTo("4.7");
        assertThat(factor("1819")).isNull();
        long opioidProductsWithout = db.sql("""
                select count(*) from medications where therapeutic_class = 'opioid analgesic' and mme_factor is null
                   and not (ingredient_rxcuis && array['4337'])""").query(Long.class).single();
        List<String> missing = db.sql("""
                select name from medications where therapeutic_class = 'opioid analgesic' and mme_factor is null
                   and not (ingredient_rxcuis && array['4337'])""").query(String.class).list();
        assertThat(missing).allMatch(n -> n.matches("(?i).*(sufentanil|benzhydrocodone|dipipanone|dextromoramide|heroin|meptazinol|pholcodine|propoxyphene).*"));
        assertThat(opioidProductsWithout).isEqualTo(missing.size());
        assertThat(db.sql("select mme_factor from medications where rxcui = '245136'").query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("2.4");
    }

    @Test
    void knownDrugsCarryTheirFederalSchedules() {
        assertThat(schedule("1049621")).isEqualTo(2);   // oxycodone 5 MG tablet
        assertThat(schedule("993837")).isEqualTo(3);    // acetaminophen/codeine 30 MG [Tylenol with Codeine]
        assertThat(schedule("308047")).isEqualTo(4);    // alprazolam 0.25 MG tablet
        assertThat(schedule("1010603")).isEqualTo(3);   // buprenorphine/naloxone [Suboxone]
        assertThat(schedule("836395")).isEqualTo(4);    // acetaminophen/tramadol
        assertThat(schedule("1725059")).isNull();       // naloxone nasal spray
        assertThat(schedule("29046")).isNull();         // lisinopril
        Api.Response controlled = api.get("/api/medications?controlled=true&deaSchedule=CII&limit=100")
                .token(users.token(TestUsers.TECHNICIAN)).send();
        assertThat(controlled.data().size()).isPositive();
        controlled.data().forEach(p -> assertThat(p.path("deaSchedule").asInt()).isEqualTo(2));
    }

    @Test
    void listFiltersSortsAndPaginates() {
        String token = users.token(TestUsers.PHYSICIAN);
        Api.Response benzos = api.get("/api/medications?therapeuticClass=benzodiazepine&name=clonazepam&sort=-name&limit=5").token(token).send();
        assertThat(benzos.status()).isEqualTo(200);
        List<String> names = names(benzos.data());
        assertThat(names).hasSize(5).allMatch(n -> n.contains("clonazepam"));
        assertThat(names).isSortedAccordingTo(java.util.Comparator.<String, String>comparing(String::toLowerCase).reversed());
        assertThat(benzos.json().path("pagination").path("total").asLong()).isGreaterThan(5);
        assertThat(api.get("/api/medications?rxcui=7804").token(token).send().data().get(0).path("name").asString()).isEqualTo("oxycodone");
        assertThat(api.get("/api/medications?deaSchedule=9").token(token).send().errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(api.get("/api/medications?sort=password").token(token).send().errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(api.get("/api/medications?rxcui=abc").token(token).send().status()).isEqualTo(400);
        assertThat(api.get("/api/medications?controlled=maybe").token(token).send().status()).isEqualTo(400);
    }

    @Test
    void pharmacistAddsUpdatesAndDeactivatesALocalProductWithAudit() {
        String pharmacist = users.token(TestUsers.PHARMACIST);
        Map<String, Object> body = localProduct("House oxycodone 7.5 MG capsule", List.of("5555-1234-01"));
        body.remove("deaSchedule");
        Api.Response created = api.post("/api/medications", body).token(pharmacist).send();
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.data().path("id").asString();
        assertThat(created.data().path("orgId").asString()).isEqualTo(users.orgOf(TestUsers.PHARMACIST).toString());
        assertThat(created.data().path("deaSchedule").asInt()).as("derived from oxycodone").isEqualTo(2);
        assertThat(created.data().path("ingredients").get(0).path("name").asString()).isEqualTo("oxycodone");
        assertThat(created.header("ETag")).isEqualTo("\"1\"");

        Api.Response updated = api.put("/api/medications/" + id, Map.of("strength", "7.5 MG", "ndcs", List.of("05555-1234-02")))
                .token(pharmacist).header("If-Match", "\"1\"").send();
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.data().path("ndcs").get(0).asString()).isEqualTo("05555123402");
        Api.Response stale = api.put("/api/medications/" + id, Map.of("strength", "10 MG")).token(pharmacist).header("If-Match", "\"1\"").send();
        assertThat(stale.status()).isEqualTo(412);
        assertThat(db.sql("select strength from medications where id = ?::uuid").param(id).query(String.class).single()).isEqualTo("7.5 MG");

        assertThat(api.delete("/api/medications/" + id).token(pharmacist).send().status()).isEqualTo(200);
        assertThat(db.sql("select is_active from medications where id = ?::uuid").param(id).query(Boolean.class).single()).isFalse();
        assertThat(searchNames("House oxycodone", TestUsers.PHARMACIST)).doesNotContain("House oxycodone 7.5 MG capsule");

        List<String> actions = db.sql("select action || ':' || array_to_string(changed_fields, ',') from audit_log where resource_id = ? order by seq")
                .param(id).query(String.class).list();
        assertThat(actions).hasSize(3);
        assertThat(actions.get(0)).startsWith("medication.create:");
        assertThat(actions.get(1)).isEqualTo("medication.update:strength,ndcs");
        assertThat(actions.get(2)).isEqualTo("medication.deactivate:is_active");
    }

    @Test
    void patientsTechniciansAndPhysiciansCannotAddProducts() {
        for (String email : List.of(TestUsers.PATIENT, TestUsers.TECHNICIAN, TestUsers.PHYSICIAN)) {
            String name = "Forbidden product " + UUID.randomUUID();
            Api.Response r = api.post("/api/medications", localProduct(name, List.of())).token(users.token(email)).send();
            assertThat(r.status()).as(email).isEqualTo(403);
            assertThat(db.sql("select count(*) from medications where name = ?").param(name).query(Long.class).single()).isZero();
        }
    }

    @Test
    void localProductsStayInsideTheirOrganisation() {
        String name = "Pharmacy-only product " + UUID.randomUUID();
        Api.Response created = api.post("/api/medications", localProduct(name, List.of())).token(users.token(TestUsers.PHARMACIST)).send();
        String id = created.data().path("id").asString();

        String physician = users.token(TestUsers.PHYSICIAN);
        assertThat(api.get("/api/medications/" + id).token(physician).send().status()).isEqualTo(404);
        assertThat(api.put("/api/medications/" + id, Map.of("strength", "1 MG")).token(physician).send().status()).isEqualTo(404);
        assertThat(api.delete("/api/medications/" + id).token(physician).send().status()).isEqualTo(404);
        assertThat(searchNames(name, TestUsers.PHYSICIAN)).doesNotContain(name);
        assertThat(searchNames(name, TestUsers.PATIENT)).contains(name);
        assertThat(api.get("/api/medications/" + id).token(users.token(TestUsers.ADMIN)).send().status()).isEqualTo(200);

        Api.Response technicianEdit = api.put("/api/medications/" + id, Map.of("strength", "1 MG")).token(users.token(TestUsers.TECHNICIAN)).send();
        assertThat(technicianEdit.status()).isEqualTo(403);
        assertThat(db.sql("select version from medications where id = ?::uuid").param(id).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void onlyAGlobalAdminChangesReferenceProducts() {
        String id = api.get("/api/medications?rxcui=29046").token(users.token(TestUsers.PHARMACIST)).send().data().get(0).path("id").asString();
        assertThat(api.put("/api/medications/" + id, Map.of("therapeuticClass", "x")).token(users.token(TestUsers.PHARMACIST)).send().status())
                .isEqualTo(403);
        assertThat(api.delete("/api/medications/" + id).token(users.token(TestUsers.PHARMACIST)).send().status()).isEqualTo(403);
        Api.Response byAdmin = api.put("/api/medications/" + id, Map.of("therapeuticClass", "ACE inhibitor")).token(users.token(TestUsers.ADMIN)).send();
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.data().path("therapeuticClass").asString()).isEqualTo("ACE inhibitor");
    }

    @Test
    void globalAdminMustNameAnExistingOrganisation() {
        String admin = users.token(TestUsers.ADMIN);
        Map<String, Object> body = localProduct("Admin product " + UUID.randomUUID(), List.of());
        assertThat(api.post("/api/medications", body).token(admin).send().errorCode()).isEqualTo("VALIDATION_ERROR");
        body.put("orgId", UUID.randomUUID().toString());
        assertThat(api.post("/api/medications", body).token(admin).send().errorCode()).isEqualTo("VALIDATION_ERROR");
        body.put("orgId", users.orgOf(TestUsers.PHYSICIAN).toString());
        assertThat(api.post("/api/medications", body).token(admin).send().status()).isEqualTo(201);
        body.put("name", "Other org " + UUID.randomUUID());
        assertThat(api.post("/api/medications", body).token(users.token(TestUsers.PHARMACIST)).send().status()).isEqualTo(403);
    }

    @Test
    void badBodiesAreRefusedAndWriteNothing() {
        String pharmacist = users.token(TestUsers.PHARMACIST);
        long before = db.sql("select count(*) from medications").query(Long.class).single();
        long auditBefore = db.sql("select count(*) from audit_log where action like 'medication.%'").query(Long.class).single();
        List<Object> bodies = List.of(
                Map.of("name", "No ingredients", "ingredients", List.of()),
                withNdcs(List.of("2501-813-16")),
                withNdcs(List.of("5555123401")),
                Map.of("name", "x", "ingredients", List.of(Map.of("name", "a")), "deaSchedule", 7),
                Map.of("name", "x", "ingredients", List.of(Map.of("name", "a")), "mmeFactor", -1),
                Map.of("name", "x", "ingredients", List.of(Map.of("name", "a", "rxcui", "12ab"))),
                Map.of("name", "x", "ingredients", List.of(Map.of("name", "a")), "secret", true),
                "{not json",
                Map.of("name", 12, "ingredients", "oxycodone"));
        for (Object body : bodies) {
            Api.Response r = api.post("/api/medications", body).token(pharmacist).send();
            assertThat(r.status()).as(String.valueOf(body)).isBetween(400, 499);
            assertThat(r.json().path("success").asBoolean()).isFalse();
        }
        assertThat(api.get("/api/medications/not-a-uuid").token(pharmacist).send().status()).isEqualTo(400);
        assertThat(api.put("/api/medications/" + UUID.randomUUID(), Map.of("name", "x")).token(pharmacist).send().status()).isEqualTo(404);
        assertThat(db.sql("select count(*) from medications").query(Long.class).single()).isEqualTo(before);
        assertThat(db.sql("select count(*) from audit_log where action like 'medication.%'").query(Long.class).single()).isEqualTo(auditBefore);
    }

    @Test
    void duplicateNdcInTheSameOrganisationIsAConflict() {
        String pharmacist = users.token(TestUsers.PHARMACIST);
        String ndc = String.format("%05d-%04d-%02d", new java.util.Random().nextInt(99999), new java.util.Random().nextInt(9999), 7);
        assertThat(api.post("/api/medications", localProduct("First " + UUID.randomUUID(), List.of(ndc))).token(pharmacist).send().status()).isEqualTo(201);
        Api.Response second = api.post("/api/medications", localProduct("Second " + UUID.randomUUID(), List.of(ndc))).token(pharmacist).send();
        assertThat(second.status()).isEqualTo(409);
    }

    private Map<String, Object> withNdcs(List<String> ndcs) {
        return localProduct("Bad NDC " + UUID.randomUUID(), ndcs);
    }

    private static Map<String, Object> localProduct(String name, List<String> ndcs) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("strength", "5 MG");
        body.put("doseForm", "Oral Capsule");
        body.put("route", "oral");
        body.put("ingredients", List.of(Map.of("rxcui", "7804", "name", "oxycodone")));
        body.put("therapeuticClass", "opioid analgesic");
        body.put("deaSchedule", 2);
        body.put("mmeFactor", 1.5);
        body.put("ndcs", ndcs);
        return body;
    }

    private java.math.BigDecimal factor(String rxcui) {
        return db.sql("select mme_factor from medication_ingredients where rxcui = ?").param(rxcui).query(java.math.BigDecimal.class)
                .optional().orElse(null);
    }

    private Integer schedule(String rxcui) {
        JsonNode found = api.get("/api/medications?rxcui=" + rxcui).token(users.token(TestUsers.PATIENT)).send().data();
        assertThat(found.size()).as(rxcui).isEqualTo(1);
        JsonNode s = found.get(0).path("deaSchedule");
        return s.isNull() ? null : s.asInt();
    }
}
