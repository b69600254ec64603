package com.ai2aim.rx.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.util.HashMap;
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

/** Bad sends are 4xx envelopes that write nothing; who may call the new endpoints. */
@IntegrationTest
class NotificationInputIntegrationTests {

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    Api api;
    TestUsers users;
    NotificationFixture fx;
    static UUID patient;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        fx = new NotificationFixture(api, users, JdbcClient.create(owner));
        if (patient == null) {
            patient = fx.patient(null, "in@example.org", NotificationFixture.consenting(List.of("email"), null), null);
        }
    }

    static Stream<Arguments> badSends() {
        return Stream.of(
                Arguments.of("unknown template", Map.of("template", "no-such-template"), 400, "template"),
                Arguments.of("missing variable", Map.of("template", "prescription-ready", "variables",
                        Map.of("prescriptionNumber", "RX-1", "medicationName", "X")), 400, "variables.pickupDate"),
                Arguments.of("unknown field", Map.of("template", "refill-reminder", "colour", "red"), 400, "colour"),
                Arguments.of("wrong type", Map.of("template", "refill-reminder", "channels", "email"), 400, "channels"),
                Arguments.of("unknown channel", Map.of("template", "refill-reminder", "channels", List.of("fax")), 400, "channels"),
                Arguments.of("channel without template", Map.of("template", "job-failed", "channels", List.of("sms"),
                        "variables", Map.of("jobName", "j", "failedAt", "t")), 400, "channels"),
                Arguments.of("both recipients", Map.of("template", "refill-reminder", "userId", UUID.randomUUID().toString()), 400, "userId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSends")
    void aBadSendIsAValidationErrorNamingTheFieldAndWritesNothing(String what, Map<String, Object> fields, int status, String field) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("patientId", patient.toString());
        long notifications = fx.count("notifications");
        long deliveries = fx.count("notification_deliveries");

        Api.Response response = fx.send(TestUsers.PHARMACIST, body);

        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(response.raw()).contains(field);
        assertThat(fx.count("notifications")).isEqualTo(notifications);
        assertThat(fx.count("notification_deliveries")).isEqualTo(deliveries);
    }

    @Test
    void someoneElsesPatientIsNotFoundAndNothingIsWritten() {
        // A clinic's patient with no preferred pharmacy is invisible to the pharmacy's staff.
        Map<String, Object> other = Map.of("firstName", "Other", "lastName", "Clinic", "dateOfBirth", "1990-01-01",
                "sexAtBirth", "male", "mrn", "O-" + UUID.randomUUID().toString().substring(0, 8));
        Api.Response created = api.post("/api/patients", other).token(users.token(TestUsers.PHYSICIAN)).send();
        UUID theirs = UUID.fromString(created.data().path("id").asString());
        long before = fx.count("notifications");

        Api.Response response = fx.send(TestUsers.PHARMACIST, NotificationFixture.toPatient(theirs, "refill-reminder", null, null));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(fx.count("notifications")).isEqualTo(before);
    }

    @Test
    void aPatientMayNotSendAndTheServiceHasNoInbox() {
        Api.Response response = fx.send(TestUsers.PATIENT, NotificationFixture.toPatient(patient, "refill-reminder", null, null));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("FORBIDDEN");
    }

    static Stream<Arguments> roleMatrix() {
        return Stream.of(
                Arguments.of(TestUsers.ADMIN, 200, 200, 200),
                Arguments.of(TestUsers.PHARMACIST, 200, 403, 403),
                Arguments.of(TestUsers.TECHNICIAN, 200, 403, 403),
                Arguments.of(TestUsers.PHYSICIAN, 200, 403, 403),
                Arguments.of(TestUsers.PATIENT, 200, 403, 403));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roleMatrix")
    void everyRoleHasAnInboxAndOnlyAdminsSeeTemplates(String who, int inbox, int listTemplates, int preview) {
        String token = users.token(who);
        assertThat(api.get("/api/notifications").token(token).send().status()).isEqualTo(inbox);
        assertThat(api.post("/api/notifications/read-all", null).token(token).send().status()).isEqualTo(inbox);
        assertThat(api.get("/api/notification-templates").token(token).send().status()).isEqualTo(listTemplates);
        String anyTemplate = fx.db.sql("select id::text from notification_templates where key = 'job-failed' and channel = 'in_app'")
                .query(String.class).single();
        assertThat(api.post("/api/notification-templates/" + anyTemplate + "/preview",
                Map.of("variables", Map.of("jobName", "a", "failedAt", "b"))).token(token).send().status()).isEqualTo(preview);
    }

    @Test
    void withoutATokenEveryNotificationEndpointIs401() {
        assertThat(api.get("/api/notifications").send().status()).isEqualTo(401);
        assertThat(api.get("/api/notifications/stream").send().status()).isEqualTo(401);
        assertThat(api.get("/api/notification-templates").send().status()).isEqualTo(401);
        assertThat(api.post("/functions/v1/send-notification", Map.of("template", "x")).send().status()).isEqualTo(401);
    }

    @Test
    void aUserRegistersAndForgetsTheirOwnPushDeviceOnly() {
        String token = "fcm-token-" + UUID.randomUUID();
        Api.Response registered = api.post("/api/notifications/devices", Map.of("token", token, "platform", "android"))
                .token(users.token(TestUsers.PHYSICIAN)).send();
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        assertThat(api.request("DELETE", "/api/notifications/devices", Map.of("token", token))
                .token(users.token(TestUsers.TECHNICIAN)).send().status()).isEqualTo(404);
        assertThat(api.request("DELETE", "/api/notifications/devices", Map.of("token", token))
                .token(users.token(TestUsers.PHYSICIAN)).send().status()).isEqualTo(200);
        assertThat(api.post("/api/notifications/devices", Map.of("token", "short")).token(users.token(TestUsers.PHYSICIAN)).send().status())
                .isEqualTo(400);
    }
}
