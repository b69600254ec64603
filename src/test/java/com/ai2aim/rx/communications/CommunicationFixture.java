package com.ai2aim.rx.communications;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.TestUsers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sends and inspects communications for the tests: bodies, a signed-in user's token, and owner-side row counts. */
final class CommunicationFixture {

    final Api api;
    final TestUsers users;
    final JdbcClient db;

    CommunicationFixture(int port, DataSource owner) {
        this.api = new Api(port);
        this.users = new TestUsers(api);
        this.db = JdbcClient.create(owner);
    }

    static Map<String, Object> message(List<UUID> recipients, String subject, String body) {
        Map<String, Object> message = new HashMap<>();
        message.put("recipientIds", recipients.stream().map(UUID::toString).toList());
        message.put("channel", "in_app");
        message.put("subject", subject);
        message.put("body", body);
        return message;
    }

    static Map<String, Object> message(UUID recipient) {
        return message(List.of(recipient), "Refill ready", "Your refill is ready for pickup.");
    }

    /** A real patient of Demo Pharmacy (communications may only be about a patient the sender can see). */
    UUID newPatient() {
        UUID org = db.sql("select org_id from users where email = ?").param(TestUsers.PHARMACIST).query(UUID.class).single();
        return db.sql("""
                insert into patients (org_id, mrn, first_name, last_name, date_of_birth, sex_at_birth)
                values (?, ?, 'Comm', 'Fixture', date '1980-01-01', 'unknown') returning id""")
                .params(org, "C-" + UUID.randomUUID()).query(UUID.class).single();
    }

    /** A real prescription for the patient, written by the demo physician. */
    UUID newPrescription(UUID patient) {
        return db.sql("""
                insert into prescriptions (org_id, patient_id, prescriber_id, medication_id, dose, sig, quantity, quantity_unit,
                    days_supply, refills_authorized, refills_remaining, written_date, expires_on)
                select p.org_id, p.id, (select id from users where email = ?), (select id from medications where org_id is null limit 1),
                    '1 tablet', 'daily', 30, 'tablet', 30, 0, 0, current_date, current_date + 365
                from patients p where p.id = ? returning id""")
                .params(TestUsers.PHYSICIAN, patient).query(UUID.class).single();
    }

    Api.Response send(String token, Object body) {
        return api.post("/api/communications", body).token(token).send();
    }

    UUID sent(String token, Object body) {
        Api.Response response = send(token, body);
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return UUID.fromString(response.data().path("id").asString());
    }

    Api.Response get(String token, UUID id) {
        return api.get("/api/communications/" + id).token(token).send();
    }

    Api.Response markRead(String token, UUID id) {
        return api.post("/api/communications/" + id + "/read", null).token(token).send();
    }

    long unreadCount(String token) {
        Api.Response response = api.get("/api/communications/unread-count").token(token).send();
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.data().path("count").asLong();
    }

    List<String> listedIds(String token, String query) {
        Api.Response response = api.get("/api/communications?limit=100" + query).token(token).send();
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.data().findValuesAsString("id");
    }

    /** Rows in both tables, to prove a refused request wrote nothing. */
    long rowCount() {
        return db.sql("select (select count(*) from communications) + (select count(*) from communication_recipients)")
                .query(Long.class).single();
    }

    /** A user created in the given organisation, signed in; returns its id and token. */
    SignedIn newUser(String role, UUID org) {
        String password = "Comm-Test-Pass-1";
        UUID id = users.create(role, org, password);
        String token = users.signIn(users.lastCreatedEmail(), password).json().path("access_token").asString();
        return new SignedIn(id, token);
    }

    /** A new organisation created by the global admin. */
    UUID newOrganisation(String name) {
        Api.Response created = api.post("/api/organizations", Map.of("name", name, "kind", "pharmacy"))
                .token(users.token(TestUsers.ADMIN)).send();
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return UUID.fromString(created.data().path("id").asString());
    }

    record SignedIn(UUID id, String token) {}
}
