package com.ai2aim.rx.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.TestUsers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Patients, sends and row counts for the notification tests, all through the real API (checks through the owner). */
final class NotificationFixture {

    final Api api;
    final TestUsers users;
    final JdbcClient db;

    NotificationFixture(Api api, TestUsers users, JdbcClient db) {
        this.api = api;
        this.users = users;
        this.db = db;
    }

    /** A patient of the pharmacist's organisation with the given preferences, contact details and linked user. */
    UUID patient(String phone, String email, Map<String, Object> preferences, UUID linkedUser) {
        return patient("Noti", "Fication", phone, email, preferences, linkedUser);
    }

    UUID patient(String firstName, String lastName, String phone, String email, Map<String, Object> preferences,
                 UUID linkedUser) {
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", firstName);
        body.put("lastName", lastName);
        body.put("dateOfBirth", "1980-02-03");
        body.put("sexAtBirth", "female");
        body.put("mrn", "N-" + UUID.randomUUID().toString().substring(0, 8));
        if (phone != null) body.put("phone", phone);
        if (email != null) body.put("email", email);
        if (preferences != null) body.put("communicationPreferences", preferences);
        if (linkedUser != null) body.put("userId", linkedUser.toString());
        Api.Response created = api.post("/api/patients", body).token(users.token(TestUsers.PHARMACIST)).send();
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return UUID.fromString(created.data().path("id").asString());
    }

    static Map<String, Object> consenting(List<String> channels, Map<String, Object> quietHours) {
        Map<String, Object> consent = new HashMap<>();
        for (String c : channels) {
            consent.put(c, Map.of("granted", true));
        }
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("channels", channels);
        prefs.put("consent", consent);
        if (quietHours != null) prefs.put("quietHours", quietHours);
        return prefs;
    }

    Api.Response send(String asEmail, Object body) {
        return api.post("/functions/v1/send-notification", body).token(users.token(asEmail)).send();
    }

    static Map<String, Object> toPatient(UUID patient, String template, List<String> channels, Map<String, String> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", patient.toString());
        body.put("template", template);
        if (channels != null) body.put("channels", channels);
        if (variables != null) body.put("variables", variables);
        return body;
    }

    static String statusOf(Api.Response sent, String channel) {
        for (var d : sent.json().path("deliveries")) {
            if (channel.equals(d.path("channel").asString())) {
                return d.path("status").asString() + (d.path("reason").isNull() || d.path("reason").isMissingNode() ? "" : "/" + d.path("reason").asString());
            }
        }
        return "absent";
    }

    String deliveryStatus(UUID notification, String channel) {
        return db.sql("select status from notification_deliveries where notification_id = ? and channel = ?")
                .params(notification, channel).query(String.class).single();
    }

    long count(String table) {
        return db.sql("select count(*) from " + table).query(Long.class).single();
    }

    static UUID notificationId(Api.Response sent) {
        assertThat(sent.status()).as(sent.raw()).isEqualTo(200);
        return UUID.fromString(sent.json().path("notificationId").asString());
    }

    /** An SSE client: every line the stream sends, in order, on a queue. */
    static BlockingQueue<String> openStream(Api api, String token) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/api/notifications/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        Thread reader = new Thread(() -> {
            try {
                HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                lines.add("status:" + response.statusCode());
                try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                }
            } catch (Exception e) {
                lines.add("error:" + e.getClass().getSimpleName());
            }
        }, "test-sse-reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
