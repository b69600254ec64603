package com.ai2aim.rx.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.TestUsers;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Email to GreenMail, SMS to WireMock-as-Twilio, push to WireMock-as-FCM; consent, quiet hours, retries, leases. */
class NotificationChannelsIntegrationTests extends PartnerSandboxes {

    static final String TWILIO_PATH = "/2010-04-01/Accounts/" + TWILIO_SID + "/Messages.json";
    static final String FCM_PATH = "/v1/projects/" + FCM_PROJECT + "/messages:send";
    static final Map<String, String> REFILL = Map.of("prescriptionNumber", "RX-500", "medicationName", "Lisinopril");

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    Api api;
    TestUsers users;
    NotificationFixture fx;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        fx = new NotificationFixture(api, users, JdbcClient.create(owner));
    }

    static String phone() {
        return "+1555" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
    }

    static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    void twilioAnswers(String to, int status, String body) {
        PARTNERS.stubFor(post(urlEqualTo(TWILIO_PATH)).withRequestBody(containing("To=" + form(to)))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    int twilioRequestsTo(String to) {
        return PARTNERS.findAll(postRequestedFor(urlEqualTo(TWILIO_PATH)).withRequestBody(containing("To=" + form(to)))).size();
    }

    List<Map<String, Object>> attempts(UUID notification, String channel) {
        return fx.db.sql("""
                select a.attempt_no, a.outcome, a.provider_status, a.provider_message_id, a.error_code
                from notification_attempts a join notification_deliveries d on d.id = a.delivery_id
                where d.notification_id = ? and d.channel = ? order by a.attempt_no""")
                .params(notification, channel).query().listOfRows();
    }

    @Test
    void anEmailArrivesAtTheSmtpServerWithTheRenderedSubjectAndBody() throws Exception {
        String address = "p-" + UUID.randomUUID() + "@example.org";
        UUID patient = fx.patient(null, address, NotificationFixture.consenting(List.of("email"), null), null);

        UUID id = NotificationFixture.notificationId(fx.send(TestUsers.PHARMACIST,
                NotificationFixture.toPatient(patient, "refill-reminder", List.of("email"), REFILL)));

        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(fx.deliveryStatus(id, "email")));
        List<MimeMessage> mine = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> id.toString().equals(header(m, "X-Rx-Notification-Id"))).toList();
        assertThat(mine).hasSize(1);
        MimeMessage mail = mine.get(0);
        assertThat(mail.getSubject()).isEqualTo("Time to refill Lisinopril");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(address);
        assertThat(mail.getFrom()[0].toString()).isEqualTo(MAIL_FROM);
        assertThat(mail.getContent().toString()).contains("Hello Noti Fication", "RX-500 (Lisinopril)", "Contact Demo Pharmacy");
        assertThat(attempts(id, "email")).singleElement().satisfies(a -> assertThat(a.get("outcome")).isEqualTo("sent"));
        // Once delivered, the outbox forgets the address and the text.
        assertThat(fx.db.sql("select coalesce(destination, body, subject, 'none') from notification_deliveries where notification_id = ?")
                .param(id).query(String.class).single()).isEqualTo("none");
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, null);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anSmsGoesToTwilioAsTheMessagesApiDocumentsIt() {
        String to = phone();
        twilioAnswers(to, 201, "{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"status\":\"queued\"}");
        UUID patient = fx.patient(to, null, NotificationFixture.consenting(List.of("sms"), null), null);

        UUID id = NotificationFixture.notificationId(fx.send(TestUsers.PHARMACIST,
                NotificationFixture.toPatient(patient, "refill-reminder", List.of("sms"), REFILL)));

        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(fx.deliveryStatus(id, "sms")));
        String basic = "Basic " + Base64.getEncoder().encodeToString((TWILIO_SID + ":" + TWILIO_TOKEN).getBytes(StandardCharsets.UTF_8));
        PARTNERS.verify(1, postRequestedFor(urlEqualTo(TWILIO_PATH))
                .withHeader("Authorization", equalTo(basic))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("To=" + form(to)))
                .withRequestBody(containing("From=" + form(TWILIO_FROM)))
                .withRequestBody(containing("Body=" + form("Demo Pharmacy: prescription RX-500 is due for a refill."))));
        assertThat(attempts(id, "sms")).singleElement().satisfies(a -> {
            assertThat(a.get("provider_status")).isEqualTo(201);
            assertThat(a.get("provider_message_id")).isEqualTo("SM0123456789abcdef0123456789abcdef");
        });
    }

    @Test
    void aPushGoesToEveryRegisteredDeviceThroughFcmHttpV1() {
        UUID user = users.create("patient", users.orgOf(TestUsers.PHARMACIST), TestUsers.DEMO_PASSWORD);
        String deviceToken = "device-" + UUID.randomUUID();
        Api.Response registered = api.post("/api/notifications/devices", Map.of("token", deviceToken, "platform", "ios"))
                .token(users.token(users.lastCreatedEmail())).send();
        assertThat(registered.status()).isEqualTo(201);
        PARTNERS.stubFor(post(urlEqualTo(FCM_PATH)).withRequestBody(matchingJsonPath("$.message.token", equalTo(deviceToken)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"name\":\"projects/rx-test/messages/0:1500415314455276%31bd1c9631bd1c96\"}")));
        UUID patient = fx.patient(null, null, NotificationFixture.consenting(List.of("push"), null), user);

        UUID id = NotificationFixture.notificationId(fx.send(TestUsers.PHARMACIST,
                NotificationFixture.toPatient(patient, "refill-reminder", List.of("push"), REFILL)));

        await().atMost(Duration.ofSeconds(10)).until(() -> !"queued".equals(fx.deliveryStatus(id, "push"))
                && !"sending".equals(fx.deliveryStatus(id, "push")));
        assertThat(fx.deliveryStatus(id, "push")).as(attempts(id, "push").toString()).isEqualTo("sent");
        PARTNERS.verify(1, postRequestedFor(urlEqualTo(FCM_PATH))
                .withHeader("Authorization", equalTo("Bearer " + FCM_TOKEN))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.message.token", equalTo(deviceToken)))
                .withRequestBody(matchingJsonPath("$.message.notification.title", equalTo("Refill reminder")))
                .withRequestBody(matchingJsonPath("$.message.notification.body", equalTo("Prescription RX-500 is due for a refill.")))
                .withRequestBody(matchingJsonPath("$.message.data.notificationId", equalTo(id.toString()))));
        assertTheAccessTokenWasMintedFromTheServiceAccountKey();
    }

    /** The Bearer token above came from the token endpoint, for a JWT assertion signed with the service account's key. */
    private static void assertTheAccessTokenWasMintedFromTheServiceAccountKey() {
        var tokenRequests = PARTNERS.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)));
        assertThat(tokenRequests).as("minted once and then cached").hasSize(1);
        Map<String, String> form = new java.util.HashMap<>();
        for (String pair : tokenRequests.get(0).getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8), java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertThat(form.get("grant_type")).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
        try {
            var assertion = com.nimbusds.jwt.SignedJWT.parse(form.get("assertion"));
            assertThat(assertion.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(
                    (java.security.interfaces.RSAPublicKey) SERVICE_ACCOUNT_KEY.getPublic()))).as("signed with the key").isTrue();
            var claims = assertion.getJWTClaimsSet();
            assertThat(claims.getIssuer()).isEqualTo(SERVICE_ACCOUNT);
            // Google's token endpoint is the audience, wherever the key's token_uri sends the request.
            assertThat(claims.getAudience()).containsExactly("https://oauth2.googleapis.com/token");
            assertThat(claims.getStringClaim("scope")).isEqualTo("https://www.googleapis.com/auth/firebase.messaging");
            assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
        } catch (java.text.ParseException | com.nimbusds.jose.JOSEException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aChannelWithoutConsentIsSkippedAndOneWithoutContactToo() {
        UUID patient = fx.patient(null, "c-" + UUID.randomUUID() + "@example.org",
                NotificationFixture.consenting(List.of("email", "push"), null), null);

        Api.Response sent = fx.send(TestUsers.PHARMACIST,
                NotificationFixture.toPatient(patient, "refill-reminder", List.of("email", "sms", "push"), REFILL));

        UUID id = NotificationFixture.notificationId(sent);
        assertThat(NotificationFixture.statusOf(sent, "sms")).isEqualTo("skipped/no_consent");
        assertThat(NotificationFixture.statusOf(sent, "push")).isEqualTo("skipped/no_contact");
        assertThat(NotificationFixture.statusOf(sent, "email")).isEqualTo("queued");
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(fx.deliveryStatus(id, "email")));
        assertThat(fx.deliveryStatus(id, "sms")).isEqualTo("skipped");
    }

    @Test
    void insideQuietHoursADeliveryIsDeferredToTheirEndNotDropped() {
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        String start = now.minusHours(1).withSecond(0).withNano(0).toString();
        String end = now.plusHours(1).withSecond(0).withNano(0).toString();
        String to = phone();
        UUID patient = fx.patient(to, null, NotificationFixture.consenting(List.of("sms"),
                Map.of("start", start, "end", end, "timezone", "UTC")), null);

        Api.Response sent = fx.send(TestUsers.PHARMACIST, NotificationFixture.toPatient(patient, "refill-reminder", List.of("sms"), REFILL));

        UUID id = NotificationFixture.notificationId(sent);
        assertThat(NotificationFixture.statusOf(sent, "sms")).isEqualTo("queued/quiet_hours");
        Instant scheduled = Instant.parse(sent.json().path("deliveries").get(0).path("scheduledFor").asString());
        assertThat(scheduled).isAfter(Instant.now().plus(Duration.ofMinutes(50))).isBefore(Instant.now().plus(Duration.ofMinutes(61)));
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> "queued".equals(fx.deliveryStatus(id, "sms")));
        assertThat(twilioRequestsTo(to)).isZero();
    }

    @Test
    void aPartnerFailureIsRetriedWithBackOffAndDeliveredExactlyOnce() {
        String to = phone();
        String scenario = "flaky-" + to;
        PARTNERS.stubFor(post(urlEqualTo(TWILIO_PATH)).withRequestBody(containing("To=" + form(to)))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(500).withBody("{\"code\":20500,\"message\":\"Internal Server Error\"}")));
        PARTNERS.stubFor(post(urlEqualTo(TWILIO_PATH)).withRequestBody(containing("To=" + form(to)))
                .inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"sid\":\"SMretry\"}")));
        UUID patient = fx.patient(to, null, NotificationFixture.consenting(List.of("sms"), null), null);

        UUID id = NotificationFixture.notificationId(fx.send(TestUsers.PHARMACIST,
                NotificationFixture.toPatient(patient, "refill-reminder", List.of("sms"), REFILL)));

        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(fx.deliveryStatus(id, "sms")));
        assertThat(attempts(id, "sms")).extracting(a -> a.get("outcome") + ":" + a.get("provider_status") + ":" + a.get("error_code"))
                .containsExactly("retry:500:twilio_20500", "sent:201:null");
        assertThat(twilioRequestsTo(to)).isEqualTo(2);
    }

    @Test
    void aPartnerThatKeepsFailingEndsFailedAfterTheMaximumAttempts() {
        String to = phone();
        twilioAnswers(to, 503, "{\"code\":20503}");
        UUID patient = fx.patient(to, null, NotificationFixture.consenting(List.of("sms"), null), null);

        UUID id = NotificationFixture.notificationId(fx.send(TestUsers.PHARMACIST,
                NotificationFixture.toPatient(patient, "refill-reminder", List.of("sms"), REFILL)));

        await().atMost(Duration.ofSeconds(10)).until(() -> "failed".equals(fx.deliveryStatus(id, "sms")));
        assertThat(attempts(id, "sms")).extracting(a -> a.get("outcome")).containsExactly("retry", "retry", "failed");
        assertThat(twilioRequestsTo(to)).isEqualTo(3);
    }

    @Test
    void aRejectedNumberFailsAtOnceWithTwiliosCode() {
        String to = phone();
        twilioAnswers(to, 400, "{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\",\"status\":400}");
        UUID patient = fx.patient(to, null, NotificationFixture.consenting(List.of("sms"), null), null);

        UUID id = NotificationFixture.notificationId(fx.send(TestUsers.PHARMACIST,
                NotificationFixture.toPatient(patient, "refill-reminder", List.of("sms"), REFILL)));

        await().atMost(Duration.ofSeconds(10)).until(() -> "failed".equals(fx.deliveryStatus(id, "sms")));
        assertThat(attempts(id, "sms")).singleElement().satisfies(a -> assertThat(a.get("error_code")).isEqualTo("twilio_21211"));
    }

    @Test
    void aClaimWhoseWorkerDiedIsClaimedAgainAndSentOnceWhileALiveLeaseIsLeftAlone() {
        String dead = phone();
        String alive = phone();
        twilioAnswers(dead, 201, "{\"sid\":\"SMlease\"}");
        twilioAnswers(alive, 201, "{\"sid\":\"SMlive\"}");
        UUID patient = fx.patient(null, null, null, null);
        UUID stale = claimedDelivery(patient, dead, "now() - interval '1 minute'");
        UUID live = claimedDelivery(patient, alive, "now() + interval '1 hour'");

        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(status(stale)));
        assertThat(twilioRequestsTo(dead)).isEqualTo(1);
        assertThat(fx.db.sql("select attempts from notification_deliveries where id = ?").param(stale).query(Integer.class).single()).isEqualTo(2);
        assertThat(status(live)).isEqualTo("sending");
        assertThat(twilioRequestsTo(alive)).isZero();
    }

    /** A delivery as a worker leaves it when it dies after claiming: sending, first attempt, lease until {@code lease}. */
    private UUID claimedDelivery(UUID patient, String to, String lease) {
        UUID org = users.orgOf(TestUsers.PHARMACIST);
        UUID notification = fx.db.sql("insert into notifications (org_id, patient_id, template_key) values (?, ?, 'refill-reminder') returning id")
                .params(org, patient).query(UUID.class).single();
        return fx.db.sql("insert into notification_deliveries (notification_id, org_id, channel, status, destination, body, attempts, lease_until) "
                        + "values (?, ?, 'sms', 'sending', ?, 'Your refill is due.', 1, " + lease + ") returning id")
                .params(notification, org, to).query(UUID.class).single();
    }

    private String status(UUID delivery) {
        return fx.db.sql("select status from notification_deliveries where id = ?").param(delivery).query(String.class).single();
    }
}
