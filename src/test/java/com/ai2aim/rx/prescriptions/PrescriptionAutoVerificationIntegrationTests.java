package com.ai2aim.rx.prescriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.time.Duration;
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
import org.springframework.modulith.events.IncompleteEventPublications;

@IntegrationTest
class PrescriptionAutoVerificationIntegrationTests {

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final List<String> VERDICTS = List.of("passed", "needs_review", "failed");

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;
    @Autowired IncompleteEventPublications incomplete;

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
        patient.put("firstName", "Auto");
        patient.put("lastName", "Verified");
        patient.put("dateOfBirth", "1971-02-03");
        patient.put("sexAtBirth", "male");
        patient.put("mrn", "AV-" + UUID.randomUUID().toString().substring(0, 8));
        patient.put("preferredPharmacyId", users.orgOf(TestUsers.PHARMACIST).toString());
        Api.Response created = api.post("/api/patients", patient).token(users.token(TestUsers.PHYSICIAN)).send();
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        patientId = UUID.fromString(created.data().path("id").asString());
    }

    UUID write() {
        String medication = db.sql("select id::text from medications where org_id is null and dea_schedule is null and is_active order by name limit 1")
                .query(String.class).single();
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", patientId.toString());
        body.put("medicationId", medication);
        body.put("dose", "1 tablet");
        body.put("sig", "Take one tablet by mouth daily");
        body.put("quantity", 30);
        body.put("quantityUnit", "tablet");
        body.put("daysSupply", 30);
        body.put("refillsAuthorized", 1);
        body.put("diagnosisCode", "I10");
        Api.Response created = api.post("/api/prescriptions", body).token(users.token(TestUsers.PHYSICIAN)).send();
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return UUID.fromString(created.data().path("id").asString());
    }

    String verificationStatus(UUID id) {
        return db.sql("select verification_status from prescriptions where id = ?").param(id).query(String.class).optional().orElse(null);
    }

    List<Map<String, Object>> publications(String eventType, UUID id) {
        return db.sql("select completion_date, status from event_publication where event_type like ? and serialized_event like ?")
                .param("%" + eventType).param("%" + id + "%").query().listOfRows();
    }

    void awaitVerifiedAndCompleted(UUID id, String eventType) {
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(verificationStatus(id)).isIn(VERDICTS);
            assertThat(publications(eventType, id)).isNotEmpty().allSatisfy(row -> assertThat(row.get("completion_date")).isNotNull());
        });
    }

    @Test
    void writtenPrescriptionIsVerifiedByTheServiceAndItsPublicationCompleted() {
        UUID id = write();

        awaitVerifiedAndCompleted(id, "PrescriptionWritten");
        assertThat(db.sql("select count(*) from audit_log where action = 'prescription.verify' and resource_id = ? and actor_id = 'service'")
                .param(id.toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void changingAPendingPrescriptionVerifiesItAgain() {
        UUID id = write();
        awaitVerifiedAndCompleted(id, "PrescriptionWritten");
        String etag = api.get("/api/prescriptions/" + id).token(users.token(TestUsers.PHYSICIAN)).send().header("ETag");

        Api.Response changed = api.put("/api/prescriptions/" + id, Map.of("daysSupply", 15))
                .token(users.token(TestUsers.PHYSICIAN)).header("If-Match", etag).send();
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);

        awaitVerifiedAndCompleted(id, "PrescriptionChanged");
        assertThat(db.sql("select count(*) from audit_log where action = 'prescription.verify' and resource_id = ?")
                .param(id.toString()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anIncompletePublicationIsDeliveredWhenResubmitted() {
        UUID id = write();
        awaitVerifiedAndCompleted(id, "PrescriptionWritten");
        // As if the service stopped between commit and delivery: the verdict is missing and the publication open.
        db.sql("update prescriptions set verification_status = null, verification = null where id = ?").param(id).update();
        db.sql("update event_publication set completion_date = null, status = 'FAILED' where serialized_event like ?")
                .param("%" + id + "%").update();
        assertThat(verificationStatus(id)).isNull();

        incomplete.resubmitIncompletePublications(publication -> true);

        awaitVerifiedAndCompleted(id, "PrescriptionWritten");
    }
}
