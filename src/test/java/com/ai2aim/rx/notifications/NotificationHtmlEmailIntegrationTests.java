package com.ai2aim.rx.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.TestUsers;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
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

/**
 * HTML email: an email template's {@code htmlBody} goes out as the HTML part of a multipart/alternative message
 * beside the plain-text body, with every variable HTML-escaped in the HTML part only; other channels refuse it.
 */
class NotificationHtmlEmailIntegrationTests extends PartnerSandboxes {

    static final String TEXT = "Hello {{patientName}}. {{note}}";
    static final String HTML = "<html><body><p>Hello <b>{{patientName}}</b>.</p><p class=\"note\">{{note}}</p></body></html>";
    static final String LAST_NAME = "O'Brien & <Sons> \"Ltd\"";
    static final String NAME = "Ann " + LAST_NAME;
    static final String NAME_ESCAPED = "Ann O&#39;Brien &amp; &lt;Sons&gt; &quot;Ltd&quot;";
    static final String NOTE = "<script>alert(1)</script> 5 < 6";
    static final String NOTE_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; 5 &lt; 6";

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    Api api;
    TestUsers users;
    NotificationFixture fx;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        fx = new NotificationFixture(api, users, JdbcClient.create(owner));
        admin = users.token(TestUsers.ADMIN);
    }

    @Test
    void anHtmlTemplateArrivesAsMultipartAlternativeWithValuesEscapedOnlyInTheHtmlPart() throws Exception {
        String key = key("html");
        Api.Response created = create(key, "email", HTML);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.data().path("htmlBody").asString()).isEqualTo(HTML);
        UUID patient = emailPatient();

        UUID id = NotificationFixture.notificationId(fx.send(TestUsers.PHARMACIST,
                NotificationFixture.toPatient(patient, key, List.of("email"), Map.of("note", NOTE))));

        MimeMessage mail = delivered(id);
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        assertThat(mail.getSubject()).isEqualTo("For " + NAME);
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(text.isMimeType("text/plain")).isTrue();
        assertThat(html.isMimeType("text/html")).isTrue();
        assertThat(text.getContent().toString()).isEqualTo("Hello " + NAME + ". " + NOTE);
        assertThat(html.getContent().toString())
                .isEqualTo("<html><body><p>Hello <b>" + NAME_ESCAPED + "</b>.</p><p class=\"note\">" + NOTE_ESCAPED + "</p></body></html>")
                .doesNotContain("<script>", "<Sons>");
        // Once delivered, the outbox forgets the HTML with the rest of the content.
        assertThat(fx.db.sql("""
                select coalesce(destination, subject, body, html_body, 'none') from notification_deliveries
                where notification_id = ?""").param(id).query(String.class).single()).isEqualTo("none");
    }

    @Test
    void theRenderedHtmlWaitsInTheOutboxBesideTheText() {
        String key = key("held");
        assertThat(create(key, "email", HTML).status()).isEqualTo(201);
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        Map<String, Object> quiet = Map.of("start", now.minusHours(1).withSecond(0).withNano(0).toString(),
                "end", now.plusHours(1).withSecond(0).withNano(0).toString(), "timezone", "UTC");
        UUID patient = fx.patient("Ann", LAST_NAME, null, address(), NotificationFixture.consenting(List.of("email"), quiet), null);

        Api.Response sent = fx.send(TestUsers.PHARMACIST, NotificationFixture.toPatient(patient, key, List.of("email"), Map.of("note", NOTE)));

        UUID id = NotificationFixture.notificationId(sent);
        assertThat(NotificationFixture.statusOf(sent, "email")).isEqualTo("queued/quiet_hours");
        Map<String, Object> row = fx.db.sql("select body, html_body from notification_deliveries where notification_id = ?")
                .param(id).query().singleRow();
        assertThat(row.get("body")).isEqualTo("Hello " + NAME + ". " + NOTE);
        assertThat((String) row.get("html_body")).contains("<b>" + NAME_ESCAPED + "</b>", NOTE_ESCAPED);
    }

    @Test
    void anEmailTemplateWithoutHtmlStillSendsSinglePartPlainText() throws Exception {
        String key = key("plain");
        Api.Response created = create(key, "email", null);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.data().path("htmlBody").isNull()).isTrue();

        MimeMessage mail = delivered(sendTo(emailPatient(), key));

        assertThat(mail.getContentType()).startsWith("text/plain");
        assertThat(mail.getContent()).isInstanceOf(String.class);
        assertThat(mail.getContent().toString()).isEqualTo("Hello " + NAME + ". " + NOTE);
    }

    @Test
    void anEmptyHtmlBodyInAnUpdateRemovesTheHtmlPart() throws Exception {
        String key = key("cleared");
        String id = create(key, "email", HTML).data().path("id").asString();

        Api.Response cleared = update(id, Map.of("htmlBody", ""));

        assertThat(cleared.status()).as(cleared.raw()).isEqualTo(200);
        assertThat(cleared.data().path("htmlBody").isNull()).isTrue();
        assertThat(cleared.data().path("version").asInt()).isEqualTo(2);
        assertThat(delivered(sendTo(emailPatient(), key)).getContentType()).startsWith("text/plain");
    }

    @Test
    void htmlBodyOnAnyOtherChannelIsRefusedAndChangesNothing() {
        for (String channel : List.of("sms", "in_app", "push")) {
            String key = key("not-email");
            Api.Response refused = create(key, channel, HTML);
            assertThat(refused.status()).as(channel).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("VALIDATION_ERROR");
            assertThat(fields(refused)).containsExactly("htmlBody");
            assertThat(api.get("/api/notification-templates?key=" + key).token(admin).send().data().size()).isZero();
        }
        String key = key("in-app");
        String id = create(key, "in_app", null).data().path("id").asString();
        for (String html : List.of(HTML, "")) {
            Api.Response refused = update(id, Map.of("htmlBody", html, "body", "Changed {{patientName}}"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(fields(refused)).containsExactly("htmlBody");
        }
        Api.Response unchanged = api.get("/api/notification-templates/" + id).token(admin).send();
        assertThat(unchanged.data().path("version").asInt()).isEqualTo(1);
        assertThat(unchanged.data().path("body").asString()).isEqualTo(TEXT);
        assertThat(unchanged.data().path("htmlBody").isNull()).isTrue();
    }

    @Test
    void aMalformedOrUnescapingHtmlBodyIsRefused() {
        for (String html : List.of("<p>{{#open}} never closed</p>", "<p>{{> header}}</p>", "<p>{{{patientName}}}</p>",
                "<p>{{&patientName}}</p>", " ", "")) {
            Api.Response refused = create(key("bad"), "email", html);
            assertThat(refused.status()).as(html).isEqualTo(400);
            assertThat(fields(refused)).as(html).containsExactly("htmlBody");
        }
        String id = create(key("good"), "email", HTML).data().path("id").asString();
        Api.Response refused = update(id, Map.of("htmlBody", "<p>{{/closed}}</p>"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("htmlBody");
        Api.Response unchanged = api.get("/api/notification-templates/" + id).token(admin).send();
        assertThat(unchanged.data().path("htmlBody").asString()).isEqualTo(HTML);
        assertThat(unchanged.data().path("version").asInt()).isEqualTo(1);
    }

    @Test
    void aPreviewShowsTheHtmlEscapedAndTheTextVerbatim() {
        String id = create(key("preview"), "email", HTML).data().path("id").asString();

        Api.Response preview = api.post("/api/notification-templates/" + id + "/preview",
                Map.of("variables", Map.of("patientName", NAME, "note", NOTE))).token(admin).send();

        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        assertThat(preview.data().path("body").asString()).isEqualTo("Hello " + NAME + ". " + NOTE);
        assertThat(preview.data().path("htmlBody").asString()).contains("<b>" + NAME_ESCAPED + "</b>", NOTE_ESCAPED);
    }

    @Test
    void aVariableOnlyTheHtmlNeedsIsA400AndNothingIsWritten() {
        String key = key("needs");
        Map<String, Object> body = template(key, "email", "<p>{{pickupDate}}</p>");
        assertThat(api.post("/api/notification-templates", body).token(admin).send().status()).isEqualTo(201);
        UUID patient = emailPatient();

        Api.Response refused = fx.send(TestUsers.PHARMACIST, NotificationFixture.toPatient(patient, key, List.of("email"), Map.of("note", "x")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("variables.pickupDate");
        assertThat(fx.db.sql("select count(*) from notifications where patient_id = ?").param(patient).query(Long.class).single()).isZero();
    }

    private static String key(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String address() {
        return "h-" + UUID.randomUUID() + "@example.org";
    }

    private static Map<String, Object> template(String key, String channel, String html) {
        Map<String, Object> body = new HashMap<>(Map.of("key", key, "channel", channel, "body", TEXT));
        if (!"sms".equals(channel)) body.put("subject", "For {{patientName}}");
        if (html != null) body.put("htmlBody", html);
        return body;
    }

    private Api.Response create(String key, String channel, String html) {
        return api.post("/api/notification-templates", template(key, channel, html)).token(admin).send();
    }

    private Api.Response update(String id, Map<String, Object> body) {
        return api.put("/api/notification-templates/" + id, body).token(admin).send();
    }

    private UUID emailPatient() {
        return fx.patient("Ann", LAST_NAME, null, address(), NotificationFixture.consenting(List.of("email"), null), null);
    }

    private UUID sendTo(UUID patient, String key) {
        return NotificationFixture.notificationId(fx.send(TestUsers.PHARMACIST,
                NotificationFixture.toPatient(patient, key, List.of("email"), Map.of("note", NOTE))));
    }

    private static List<String> fields(Api.Response refused) {
        return refused.json().path("error").path("details").findValuesAsString("field");
    }

    /** The message GreenMail received for a notification, once its delivery is sent. */
    private MimeMessage delivered(UUID id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(fx.deliveryStatus(id, "email")));
        List<MimeMessage> mine = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> id.toString().equals(header(m))).toList();
        assertThat(mine).hasSize(1);
        return mine.get(0);
    }

    private static String header(MimeMessage m) {
        try {
            return m.getHeader("X-Rx-Notification-Id", null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
