package com.ai2aim.rx.patients;

import static com.ai2aim.rx.patients.PatientFixtures.create;
import static com.ai2aim.rx.patients.PatientFixtures.full;
import static com.ai2aim.rx.patients.PatientFixtures.uniqueMrn;
import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
class PatientHistoryIntegrationTests {

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
    void historyIsOneTimelineNewestFirstAcrossAllergiesConditionsAndVisits() {
        UUID id = create(api, pharmacist, PatientFixtures.minimal(uniqueMrn()));
        Instant now = Instant.now();
        visit(id, "consultation", now.minus(3, ChronoUnit.DAYS));
        visit(id, "pickup", now.minus(1, ChronoUnit.DAYS));
        String allergy = post(id, "/allergies", Map.of("substance", "Peanut oil", "severity", "moderate"));
        String condition = post(id, "/conditions", Map.of("icd10Code", "i10", "text", "Hypertension"));
        visit(id, "consultation", now.minus(2, ChronoUnit.DAYS));

        Api.Response history = api.get("/api/patients/" + id + "/history").token(pharmacist).send();

        assertThat(history.status()).isEqualTo(200);
        assertThat(types(history.data())).containsExactly("condition.recorded", "allergy.recorded", "visit.pickup",
                "visit.consultation", "visit.consultation");
        assertThat(times(history.data())).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(history.data().get(0).path("resourceId").asString()).isEqualTo(condition);
        assertThat(history.data().get(0).path("resourceType").asString()).isEqualTo("patient_condition");
        assertThat(history.data().get(1).path("resourceId").asString()).isEqualTo(allergy);
        assertThat(history.raw()).doesNotContain("Peanut", "Hypertension", "I10", "Fictional");
        assertThat(api.get("/api/patients/" + id).token(pharmacist).send().data().path("conditions").get(0).path("icd10Code").asString())
                .isEqualTo("I10");
    }

    @Test
    void historyPagesDoNotOverlapAndCountEverything() {
        UUID id = create(api, pharmacist, full(uniqueMrn()));
        Instant now = Instant.now();
        for (int i = 1; i <= 5; i++) {
            visit(id, i % 2 == 0 ? "pickup" : "consultation", now.minus(i, ChronoUnit.HOURS));
        }
        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            Api.Response r = api.get("/api/patients/" + id + "/history?limit=2&page=" + page).token(pharmacist).send();
            assertThat(r.json().path("pagination").path("total").asLong()).isEqualTo(7); // 5 visits, 1 allergy, 1 condition
            r.data().forEach(e -> seen.add(e.path("resourceId").asString() + e.path("type").asString()));
            assertThat(r.json().path("pagination").path("hasNext").asBoolean()).isEqualTo(page < 4);
        }
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        assertThat(api.get("/api/patients/" + id + "/history?limit=2&page=9").token(pharmacist).send().data()).isEmpty();
    }

    @Test
    void replacingAListShowsTheRemovalInTheHistory() {
        UUID id = create(api, pharmacist, full(uniqueMrn()));
        assertThat(api.put("/api/patients/" + id, Map.of("allergies", List.of())).token(pharmacist).send().status()).isEqualTo(200);

        List<String> types = types(api.get("/api/patients/" + id + "/history").token(pharmacist).send().data());
        assertThat(types).startsWith("allergy.removed").contains("allergy.recorded", "condition.recorded");
    }

    @Test
    void recordingAnAllergyMovesThePatientsETagAndIsAudited() {
        UUID id = create(api, pharmacist, PatientFixtures.minimal(uniqueMrn()));
        String requestId = "allergy-" + UUID.randomUUID();
        Api.Response recorded = api.post("/api/patients/" + id + "/allergies", Map.of("substance", "Shellfish", "reaction", "Swelling"))
                .token(pharmacist).header("X-Request-Id", requestId).send();
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(api.get("/api/patients/" + id).token(pharmacist).send().header("ETag")).isEqualTo("\"2\"");

        Map<String, Object> row = db.sql("select action, array_to_string(changed_fields, ',') as fields, details::text as details"
                + " from audit_log where request_id = ?").param(requestId).query().singleRow();
        assertThat(row.get("action")).isEqualTo("patient.allergy.record");
        assertThat(row.get("fields")).isEqualTo("substance,reaction");
        assertThat(row.toString()).doesNotContain("Shellfish", "Swelling");
        assertThat(db.sql("select count(*) from audit_log where action = 'patient.history.read' and resource_id = ?")
                .param(id.toString()).query(Long.class).single()).isZero();
        api.get("/api/patients/" + id + "/history").token(pharmacist).send();
        assertThat(db.sql("select count(*) from audit_log where action = 'patient.history.read' and resource_id = ?")
                .param(id.toString()).query(Long.class).single()).isOne();
    }

    private void visit(UUID id, String type, Instant at) {
        Api.Response r = api.post("/api/patients/" + id + "/visits", Map.of("type", type, "at", at.toString(), "notes", "Discussed adherence"))
                .token(pharmacist).send();
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    private String post(UUID id, String path, Map<String, Object> body) {
        Api.Response r = api.post("/api/patients/" + id + path, body).token(pharmacist).send();
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.data().path("id").asString();
    }

    private static List<String> types(JsonNode entries) {
        List<String> types = new ArrayList<>();
        entries.forEach(e -> types.add(e.path("type").asString()));
        return types;
    }

    private static List<Instant> times(JsonNode entries) {
        List<Instant> times = new ArrayList<>();
        entries.forEach(e -> times.add(Instant.parse(e.path("at").asString())));
        return times;
    }
}
