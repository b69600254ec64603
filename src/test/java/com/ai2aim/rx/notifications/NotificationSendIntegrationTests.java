package com.ai2aim.rx.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.security.Role;
import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sending through {@code send-notification} and {@link Notifications} where no partner is configured (the shared
 * default context): email, SMS and push are skipped with a reason, in-app is delivered, listed, streamed and read.
 */
@IntegrationTest
class NotificationSendIntegrationTests {

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;
    @Autowired Notifications notifications;

    Api api;
    TestUsers users;
    NotificationFixture fx;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        fx = new NotificationFixture(api, users, JdbcClient.create(owner));
    }

    @Test
    void unconfiguredChannelsAreSkippedWithTheirReasonAndInAppIsDelivered() {
        UUID patientUser = users.create("patient", users.orgOf(TestUsers.PHARMACIST), TestUsers.DEMO_PASSWORD);
        UUID patient = fx.patient("+15555550101", "noti@example.org",
                NotificationFixture.consenting(List.of("email", "sms", "push", "in_app"), null), patientUser);

        Api.Response sent = fx.send(TestUsers.PHARMACIST, NotificationFixture.toPatient(patient, "refill-reminder", null,
                Map.of("prescriptionNumber", "RX-1", "medicationName", "Lisinopril")));

        UUID id = NotificationFixture.notificationId(sent);
        assertThat(NotificationFixture.statusOf(sent, "email")).isEqualTo("skipped/channel_not_configured");
        assertThat(NotificationFixture.statusOf(sent, "sms")).isEqualTo("skipped/channel_not_configured");
        assertThat(NotificationFixture.statusOf(sent, "push")).isEqualTo("skipped/channel_not_configured");
        assertThat(NotificationFixture.statusOf(sent, "in_app")).isEqualTo("queued");
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(fx.deliveryStatus(id, "in_app")));

        String patientToken = users.token(users.lastCreatedEmail());
        Api.Response inbox = api.get("/api/notifications").token(patientToken).send();
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.data().get(0).path("id").asString()).isEqualTo(id.toString());
        assertThat(inbox.data().get(0).path("title").asString()).isEqualTo("Refill reminder");
        assertThat(inbox.data().get(0).path("body").asString()).isEqualTo("Your prescription RX-1 (Lisinopril) is due for a refill.");
        Api.Response pharmacistInbox = api.get("/api/notifications").token(users.token(TestUsers.PHARMACIST)).send();
        assertThat(pharmacistInbox.raw()).doesNotContain(id.toString());
    }

    @Test
    void theRecipientMarksReadOnceAndNobodyElseCan() {
        UUID patientUser = users.create("patient", users.orgOf(TestUsers.PHARMACIST), TestUsers.DEMO_PASSWORD);
        String patientToken = users.token(users.lastCreatedEmail());
        UUID patient = fx.patient(null, null, null, patientUser);
        UUID id = NotificationFixture.notificationId(fx.send(TestUsers.PHARMACIST, NotificationFixture.toPatient(patient,
                "refill-reminder", List.of("in_app"), Map.of("prescriptionNumber", "RX-2", "medicationName", "Metformin"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(fx.deliveryStatus(id, "in_app")));

        assertThat(api.post("/api/notifications/" + id + "/read", null).token(users.token(TestUsers.PHARMACIST)).send().status()).isEqualTo(404);
        assertThat(api.get("/api/notifications?unread=true").token(patientToken).send().data().size()).isEqualTo(1);
        Api.Response first = api.post("/api/notifications/" + id + "/read", null).token(patientToken).send();
        Api.Response second = api.post("/api/notifications/" + id + "/read", null).token(patientToken).send();
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.data().path("readAt").asString()).isEqualTo(first.data().path("readAt").asString());
        assertThat(api.get("/api/notifications?unread=true").token(patientToken).send().data().size()).isZero();
        assertThat(api.post("/api/notifications/read-all", null).token(patientToken).send().data().path("marked").asInt()).isZero();
        assertThat(fx.db.sql("select count(*) from audit_log where action = 'notification.read' and resource_id = ?")
                .param(id.toString()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aSignedInUserReceivesAnInAppNotificationOnTheStreamWithinASecond() throws Exception {
        BlockingQueue<String> stream = NotificationFixture.openStream(api, users.token(TestUsers.PHARMACIST));
        assertThat(stream.poll(10, TimeUnit.SECONDS)).isEqualTo("status:200");
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.stream().anyMatch(l -> l.equals("event:ready")));

        Map<String, Object> body = Map.of("userId", users.id(TestUsers.PHARMACIST).toString(), "template", "job-failed",
                "channels", List.of("in_app"), "variables", Map.of("jobName", "nightly", "failedAt", "02:00"));
        Api.Response sent = fx.send(TestUsers.ADMIN, body);
        long committed = System.nanoTime();
        UUID id = NotificationFixture.notificationId(sent);

        String event = null;
        long deadline = committed + TimeUnit.SECONDS.toNanos(1);
        while (event == null && System.nanoTime() < deadline) {
            String line = stream.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line != null && line.startsWith("data:") && line.contains(id.toString())) {
                event = line;
            }
        }
        assertThat(event).as("notification event within 1 s of commit").isNotNull().contains("nightly");
    }

    @Test
    void aRepeatedDedupKeySendsNothingTheSecondTime() {
        UUID patient = fx.patient(null, null, null, null);
        Map<String, Object> body = new java.util.HashMap<>(NotificationFixture.toPatient(patient, "refill-reminder",
                List.of("in_app"), Map.of("prescriptionNumber", "RX-3", "medicationName", "Atorvastatin")));
        body.put("dedupKey", "refill-2026-05");
        Api.Response first = fx.send(TestUsers.PHARMACIST, body);
        Api.Response second = fx.send(TestUsers.TECHNICIAN, body);

        assertThat(second.json().path("notificationId").asString()).isEqualTo(first.json().path("notificationId").asString());
        assertThat(first.json().path("duplicate").asBoolean()).isFalse();
        assertThat(second.json().path("duplicate").asBoolean()).isTrue();
        assertThat(fx.db.sql("select count(*) from notifications where patient_id = ?").param(patient).query(Long.class).single()).isEqualTo(1);
        // A patient without a linked account has no inbox.
        assertThat(NotificationFixture.statusOf(first, "in_app")).isEqualTo("skipped/no_contact");
    }

    @Test
    void alertStaffRunAsTheServiceReachesEveryPharmacistOnceEvenWhenRepeated() {
        UUID org = users.orgOf(TestUsers.PHARMACIST);
        UUID pharmacist = users.id(TestUsers.PHARMACIST);
        String key = "review-" + UUID.randomUUID();
        Map<String, String> vars = Map.of("prescriptionNumber", "RX-9");
        List<NotificationResult> first = Actors.asService(() -> notifications.alertStaff(org, Role.PHARMACIST,
                "verification-needs-review", vars, key));
        List<NotificationResult> again = Actors.asService(() -> notifications.alertStaff(org, Role.PHARMACIST,
                "verification-needs-review", vars, key));

        assertThat(first).extracting(NotificationResult::userId).contains(pharmacist);
        assertThat(first).allSatisfy(r -> assertThat(r.duplicate()).isFalse());
        assertThat(again).allSatisfy(r -> assertThat(r.duplicate()).isTrue());
        UUID mine = first.stream().filter(r -> r.userId().equals(pharmacist)).findFirst().orElseThrow().notificationId();
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(fx.deliveryStatus(mine, "in_app")));
        assertThat(api.get("/api/notifications").token(users.token(TestUsers.PHARMACIST)).send().raw()).contains(mine.toString(), "RX-9");
    }
}
