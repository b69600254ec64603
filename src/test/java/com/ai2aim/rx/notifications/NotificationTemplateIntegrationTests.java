package com.ai2aim.rx.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /api/notification-templates}: global admins edit, the text must compile, previews name missing variables. */
@IntegrationTest
class NotificationTemplateIntegrationTests {

    @LocalServerPort int port;
    Api api;
    TestUsers users;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
    }

    private Api.Response create(String token, Map<String, Object> body) {
        return api.post("/api/notification-templates", body).token(token).send();
    }

    @Test
    void aGlobalAdminCreatesChangesPreviewsAndDeletesATemplate() {
        String admin = users.token(TestUsers.ADMIN);
        String key = "pickup-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = create(admin, Map.of("key", key, "channel", "sms", "body", "Pick up {{prescriptionNumber}}"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.data().path("id").asString();
        assertThat(create(admin, Map.of("key", key, "channel", "sms", "body", "again")).status()).isEqualTo(409);

        Api.Response changed = api.put("/api/notification-templates/" + id, Map.of("body", "Ready: {{prescriptionNumber}}"))
                .token(admin).header("If-Match", "\"1\"").send();
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.data().path("version").asInt()).isEqualTo(2);
        assertThat(api.put("/api/notification-templates/" + id, Map.of("body", "stale")).token(admin).header("If-Match", "\"1\"")
                .send().status()).isEqualTo(412);

        Api.Response preview = api.post("/api/notification-templates/" + id + "/preview",
                Map.of("variables", Map.of("prescriptionNumber", "RX-77"))).token(admin).send();
        assertThat(preview.data().path("body").asString()).isEqualTo("Ready: RX-77");
        Api.Response missing = api.post("/api/notification-templates/" + id + "/preview", Map.of("variables", Map.of())).token(admin).send();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.raw()).contains("variables.prescriptionNumber");

        assertThat(api.delete("/api/notification-templates/" + id).token(admin).send().status()).isEqualTo(200);
        assertThat(api.get("/api/notification-templates/" + id).token(admin).send().status()).isEqualTo(404);
    }

    @Test
    void aTemplateThatDoesNotCompileOrLacksASubjectIsRefused() {
        String admin = users.token(TestUsers.ADMIN);
        Api.Response broken = create(admin, Map.of("key", "broken", "channel", "sms", "body", "Hello {{#open}} never closed"));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(broken.raw()).contains("body");
        Api.Response partial = create(admin, Map.of("key", "partial", "channel", "sms", "body", "{{> other}}"));
        assertThat(partial.status()).isEqualTo(400);
        Api.Response noSubject = create(admin, Map.of("key", "nosubject", "channel", "email", "body", "Hi"));
        assertThat(noSubject.status()).isEqualTo(400);
        assertThat(noSubject.raw()).contains("subject");
    }

    @Test
    void anOrganisationAdminReadsTemplatesButCannotChangeThem() {
        UUID orgAdmin = users.create("admin", users.orgOf(TestUsers.PHARMACIST), TestUsers.DEMO_PASSWORD);
        String token = users.token(users.lastCreatedEmail());
        assertThat(orgAdmin).isNotNull();
        Api.Response list = api.get("/api/notification-templates?key=refill-reminder").token(token).send();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.data().size()).isEqualTo(4);
        String id = list.data().get(0).path("id").asString();
        assertThat(api.put("/api/notification-templates/" + id, Map.of("body", "x")).token(token).send().status()).isEqualTo(403);
        assertThat(api.delete("/api/notification-templates/" + id).token(token).send().status()).isEqualTo(403);
        assertThat(create(token, Map.of("key", "mine", "channel", "sms", "body", "x")).status()).isEqualTo(403);
    }
}
