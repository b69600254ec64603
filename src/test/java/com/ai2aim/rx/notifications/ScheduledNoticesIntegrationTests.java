package com.ai2aim.rx.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.ClinicalFixture;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import tools.jackson.databind.JsonNode;

/**
 * The expiry notices and refill reminders, run by hand through the jobs API as a global admin in the shared context
 * (nothing is on the schedule there). The shared database holds other tests' prescriptions, so assertions look at this
 * test's own prescriptions and at counts that can only grow.
 */
@IntegrationTest
class ScheduledNoticesIntegrationTests {

    private static final String EXPIRY = "prescription-expiry-notifications";
    private static final String REFILL = "refill-reminders";

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    Api api;
    TestUsers users;
    JdbcClient db;
    ClinicalFixture clinical;
    UUID pharmacist;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        db = JdbcClient.create(owner);
        clinical = new ClinicalFixture(api, users, db);
        pharmacist = users.id(TestUsers.PHARMACIST);
    }

    @Test
    void tellsPatientAndPharmacistsOncePerWindowAndNothingForLaterExpiries() {
        UUID patient = clinical.patient();
        UUID inThreeDays = expiringIn(patient, 3);
        UUID today = expiringIn(patient, 0);
        UUID inThirtyDays = expiringIn(patient, 30);

        JsonNode first = run(EXPIRY, false);

        assertThat(first.path("status").asString()).as(first.toString()).isEqualTo("succeeded");
        assertThat(first.path("details").path("7d").path("patientsNotified").asLong()).isPositive();
        assertThat(first.path("details").path("24h").path("patientsNotified").asLong()).isPositive();
        assertThat(patientNotices(inThreeDays)).containsExactly("prescription-expiring/expiry:7d:" + inThreeDays);
        assertThat(patientNotices(today)).containsExactly("prescription-expiring/expiry:24h:" + today);
        assertThat(patientNotices(inThirtyDays)).isEmpty();
        assertThat(staffNotices(inThreeDays, pharmacist)).as("one digest of the 7-day window lists it").containsExactly("7d");
        assertThat(staffNotices(today, pharmacist)).as("one digest of the 24-hour window lists it").containsExactly("24h");
        assertThat(staffNotices(inThirtyDays, pharmacist)).isEmpty();
        long written = noticesAbout(inThreeDays) + noticesAbout(today);
        assertThat(auditedSendsAbout(inThreeDays) + auditedSendsAbout(today)).as("every send audited").isEqualTo(written);

        JsonNode second = run(EXPIRY, false);

        assertThat(second.path("status").asString()).isEqualTo("succeeded");
        assertThat(noticesAbout(inThreeDays) + noticesAbout(today)).as("a re-run sends nothing twice").isEqualTo(written);
        assertThat(second.path("details").path("7d").path("skippedAsDuplicate").asLong()).isPositive();
        assertThat(second.path("details").path("24h").path("skippedAsDuplicate").asLong()).isPositive();
        assertThat(auditedSendsAbout(inThreeDays) + auditedSendsAbout(today)).isEqualTo(written);
        assertThat(staffNotices(inThreeDays, pharmacist)).as("and no second digest lists it").containsExactly("7d");
    }

    @Test
    void theStaffAlertCarriesTheNumberButNoPatientName() {
        UUID patient = clinical.patient();
        UUID rx = expiringIn(patient, 2);

        run(EXPIRY, false);

        String number = clinical.prescriptionColumn(rx, "'RX-' || rx_number");
        String body = db.sql("""
                select body from notifications
                where prescription_id is null and recipient_user_id = ? and template_key = 'prescription-expiring-digest'
                  and body like ?""")
                .param(pharmacist).param("%" + number + " (%").query(String.class).single();
        assertThat(body).contains(number, "within 7 days").doesNotContain("Fixture");
    }

    @Test
    void aDryRunCountsWhatItWouldSendAndSendsNothing() {
        UUID patient = clinical.patient();
        UUID rx = expiringIn(patient, 4);

        JsonNode dry = run(EXPIRY, true);

        assertThat(dry.path("status").asString()).isEqualTo("succeeded");
        assertThat(dry.path("dryRun").asBoolean()).isTrue();
        assertThat(dry.path("details").path("7d").path("wouldNotify").asLong()).isPositive();
        assertThat(dry.path("itemsProcessed").asLong()).isPositive();
        assertThat(noticesAbout(rx)).isZero();
        assertThat(staffNotices(rx, pharmacist)).isEmpty();

        run(EXPIRY, false);
        JsonNode after = run(EXPIRY, true);

        assertThat(patientNotices(rx)).hasSize(1);
        assertThat(after.path("details").path("7d").path("alreadyNotified").asLong()).isPositive();
    }

    @Test
    void remindsOncePerFillWhenTheSupplyEndsSoonAndRefillsRemain() {
        UUID patient = clinical.patient();
        UUID withRefills = filled(patient, 2, 2);
        UUID noRefills = filled(patient, 2, 0);
        UUID longSupply = filled(patient, 30, 2);
        String fillId = db.sql("select id::text from prescription_fills where prescription_id = ?").param(withRefills)
                .query(String.class).single();

        JsonNode first = run(REFILL, false);

        assertThat(first.path("status").asString()).as(first.toString()).isEqualTo("succeeded");
        assertThat(first.path("details").path("reminded").asLong()).isPositive();
        assertThat(patientNotices(withRefills)).containsExactly("refill-reminder/refill:" + fillId);
        assertThat(patientNotices(noRefills)).as("no refills left").isEmpty();
        assertThat(patientNotices(longSupply)).as("supply lasts 30 days").isEmpty();
        assertThat(auditedSendsAbout(withRefills)).isEqualTo(1);

        JsonNode second = run(REFILL, false);

        assertThat(second.path("details").path("skippedAsDuplicate").asLong()).isPositive();
        assertThat(patientNotices(withRefills)).hasSize(1);
        assertThat(auditedSendsAbout(withRefills)).isEqualTo(1);
    }

    @Test
    void theJobsAreListedWithTheirSchedules() {
        Api.Response list = api.get("/api/jobs").token(users.token(TestUsers.ADMIN)).send();
        Map<String, String> schedules = new HashMap<>();
        list.data().forEach(job -> schedules.put(job.path("name").asString(), job.path("schedule").asString()));

        assertThat(schedules).containsEntry(EXPIRY, "0 8 * * *").containsEntry(REFILL, "0 9 * * *");
    }

    /** A pending prescription; expires_on is then set by the owner, since the API dates a new one a year ahead. */
    private UUID expiringIn(UUID patient, int days) {
        UUID rx = clinical.prescription(patient, clinical.product("dea_schedule is null"), Map.of());
        db.sql("update prescriptions set expires_on = ? where id = ?").param(LocalDate.now(ZoneOffset.UTC).plusDays(days)).param(rx).update();
        return rx;
    }

    /** Written, approved and filled through the API, by the demo physician and pharmacist. */
    private UUID filled(UUID patient, int daysSupply, int refills) {
        UUID rx = clinical.prescription(patient, clinical.product("dea_schedule is null"),
                Map.of("daysSupply", daysSupply, "refillsAuthorized", refills));
        await().atMost(Duration.ofSeconds(15)).until(() -> clinical.prescriptionColumn(rx, "verification_status") != null);
        Api.Response approved = move(rx, "approve", Map.of(), TestUsers.PHYSICIAN);
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        Api.Response filled = move(rx, "fill", Map.of("quantity", 30, "ndc", "0093-7261-01", "lot", "L1"), TestUsers.PHARMACIST);
        assertThat(filled.status()).as(filled.raw()).isEqualTo(200);
        return rx;
    }

    private Api.Response move(UUID rx, String move, Object body, String who) {
        return api.post("/api/prescriptions/" + rx + "/" + move, body).token(users.token(who)).send();
    }

    private JsonNode run(String job, boolean dryRun) {
        Api.Response run = api.post("/api/jobs/" + job + "/run" + (dryRun ? "?dryRun=true" : ""), null)
                .token(users.token(TestUsers.ADMIN)).send();
        assertThat(run.status()).as(run.raw()).isEqualTo(200);
        return run.data();
    }

    /** "template/dedupKey" of the notifications to the prescription's patient about it. */
    private List<String> patientNotices(UUID rx) {
        return db.sql("select template_key || '/' || dedup_key from notifications where prescription_id = ? and patient_id is not null order by created_at")
                .param(rx).query(String.class).list();
    }

    /** The windows of the staff digests to this user that list the prescription (by its number, as they show it). */
    private List<String> staffNotices(UUID rx, UUID user) {
        return db.sql("""
                select split_part(dedup_key, ':', 2) from notifications
                where recipient_user_id = ? and template_key = 'prescription-expiring-digest' and body like ? order by created_at""")
                .param(user).param("%" + clinical.prescriptionColumn(rx, "'RX-' || rx_number") + " (%").query(String.class).list();
    }

    private long noticesAbout(UUID rx) {
        return db.sql("select count(*) from notifications where prescription_id = ? or dedup_key like ?")
                .param(rx).param("%:" + rx).query(Long.class).single();
    }

    private long auditedSendsAbout(UUID rx) {
        return db.sql("""
                select count(*) from audit_log a join notifications n on n.id::text = a.resource_id
                where a.action = 'notification.send' and a.actor_role = 'service'
                  and (n.prescription_id = ? or n.dedup_key like ?)""")
                .param(rx).param("%:" + rx).query(Long.class).single();
    }
}
