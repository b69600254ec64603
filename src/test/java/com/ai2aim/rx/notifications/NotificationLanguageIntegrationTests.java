package com.ai2aim.rx.notifications;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A patient's language ({@code communicationPreferences.language}) or a user's ({@code language}) picks the template a
 * message is rendered from: the one in exactly that locale, else in its language, else the default.
 */
@IntegrationTest
class NotificationLanguageIntegrationTests {

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    Api api;
    TestUsers users;
    NotificationFixture fx;
    String key;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        fx = new NotificationFixture(api, users, JdbcClient.create(owner));
        key = "pickup-" + UUID.randomUUID().toString().substring(0, 8);
        template(null, "Ready", "Your prescription {{prescriptionNumber}} is ready.");
        template("es", "Lista", "Su receta {{prescriptionNumber}} está lista.");
        template("es-MX", "Lista (MX)", "Su receta {{prescriptionNumber}} ya está lista.");
    }

    private void template(String locale, String subject, String body) {
        Map<String, Object> t = new HashMap<>(Map.of("key", key, "channel", "in_app", "subject", subject, "body", body));
        if (locale != null) {
            t.put("locale", locale);
        }
        Api.Response created = api.post("/api/notification-templates", t).token(users.token(TestUsers.ADMIN)).send();
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
    }

    /** The in-app text a patient speaking {@code language} (null: not stated) is sent. */
    private String sentTo(String language) {
        UUID patientUser = users.create("patient", users.orgOf(TestUsers.PHARMACIST), TestUsers.DEMO_PASSWORD);
        Map<String, Object> preferences = NotificationFixture.consenting(List.of("in_app"), null);
        if (language != null) {
            preferences.put("language", language);
        }
        UUID patient = fx.patient(null, null, preferences, patientUser);
        UUID id = NotificationFixture.notificationId(fx.send(TestUsers.PHARMACIST,
                NotificationFixture.toPatient(patient, key, null, Map.of("prescriptionNumber", "RX-9"))));
        return fx.db.sql("select title || ' / ' || body from notifications where id = ?").param(id).query(String.class).single();
    }

    @Test
    void theExactLocaleWinsThenTheLanguageThenTheDefault() {
        assertThat(sentTo("es-MX")).isEqualTo("Lista (MX) / Su receta RX-9 ya está lista.");
        assertThat(sentTo("es-AR")).isEqualTo("Lista / Su receta RX-9 está lista.");
        assertThat(sentTo("es")).isEqualTo("Lista / Su receta RX-9 está lista.");
        assertThat(sentTo("fr")).isEqualTo("Ready / Your prescription RX-9 is ready.");
        assertThat(sentTo(null)).isEqualTo("Ready / Your prescription RX-9 is ready.");
    }

    @Test
    void theLanguageIsKeptWithThePreferencesAndAMalformedOneIsRefused() {
        Map<String, Object> preferences = NotificationFixture.consenting(List.of("sms"), null);
        preferences.put("language", "es-MX");
        UUID patient = fx.patient(null, null, preferences, null);
        Api.Response read = api.get("/api/patients/" + patient).token(users.token(TestUsers.PHARMACIST)).send();
        assertThat(read.data().path("communicationPreferences").path("language").asString()).isEqualTo("es-MX");

        Api.Response refused = api.put("/api/patients/" + patient,
                Map.of("communicationPreferences", Map.of("channels", List.of("sms"), "language", "Spanish")))
                .token(users.token(TestUsers.PHARMACIST)).send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").path("details").findValuesAsString("field"))
                .containsExactly("communicationPreferences.language");
        assertThat(api.get("/api/patients/" + patient).token(users.token(TestUsers.PHARMACIST)).send().data()
                .path("communicationPreferences").path("language").asString()).isEqualTo("es-MX");
    }

    @Test
    void aUserSetsTheirOwnLanguageAndIsSentTemplatesInIt() {
        UUID technician = users.create("technician", users.orgOf(TestUsers.PHARMACIST), TestUsers.DEMO_PASSWORD);
        String token = users.token(users.lastCreatedEmail());

        Api.Response refused = api.put("/api/users/" + technician, Map.of("language", "espanol")).token(token).send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").path("details").findValuesAsString("field")).containsExactly("language");
        assertThat(toUser(technician)).as("still the default").isEqualTo("Ready / Your prescription RX-9 is ready.");

        Api.Response updated = api.put("/api/users/" + technician, Map.of("language", "es-MX")).token(token).send();
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.data().path("language").asString()).isEqualTo("es-MX");
        assertThat(toUser(technician)).isEqualTo("Lista (MX) / Su receta RX-9 ya está lista.");
    }

    /** The in-app text a staff user is sent, by an admin. */
    private String toUser(UUID user) {
        UUID id = NotificationFixture.notificationId(fx.send(TestUsers.ADMIN, Map.of("userId", user.toString(), "template", key,
                "channels", List.of("in_app"), "variables", Map.of("prescriptionNumber", "RX-9"))));
        return fx.db.sql("select title || ' / ' || body from notifications where id = ?").param(id).query(String.class).single();
    }
}
