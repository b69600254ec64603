package com.ai2aim.rx.communications;

import static com.ai2aim.rx.communications.CommunicationFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.sql.Timestamp;
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

@IntegrationTest
class CommunicationApiIntegrationTests {

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    CommunicationFixture fixture;
    Api api;
    JdbcClient db;
    String pharmacist;
    String technician;
    String patient;
    UUID pharmacistId;
    UUID technicianId;
    UUID patientId;
    UUID pharmacy;

    @BeforeEach
    void setUp() {
        fixture = new CommunicationFixture(port, owner);
        api = fixture.api;
        db = fixture.db;
        TestUsers users = fixture.users;
        pharmacist = users.token(TestUsers.PHARMACIST);
        technician = users.token(TestUsers.TECHNICIAN);
        patient = users.token(TestUsers.PATIENT);
        pharmacistId = users.id(TestUsers.PHARMACIST);
        technicianId = users.id(TestUsers.TECHNICIAN);
        patientId = users.id(TestUsers.PATIENT);
        pharmacy = users.orgOf(TestUsers.PHARMACIST);
    }

    @Test
    void pharmacistSendsToTechnicianAndPatientWhoBothSeeItUnread() {
        UUID aboutPatient = fixture.newPatient();
        UUID aboutPrescription = fixture.newPrescription(aboutPatient);
        Map<String, Object> body = message(List.of(technicianId, patientId, technicianId), "Refill ready", "Pick up after 3pm.");
        body.put("patientId", aboutPatient.toString());
        body.put("prescriptionId", aboutPrescription.toString());
        body.put("channel", "portal");

        Api.Response sent = fixture.send(pharmacist, body);

        assertThat(sent.status()).as(sent.raw()).isEqualTo(201);
        UUID id = UUID.fromString(sent.data().path("id").asString());
        assertThat(sent.header("Location")).endsWith("/api/communications/" + id);
        assertThat(sent.header("ETag")).isEqualTo("\"1\"");
        JsonNode data = sent.data();
        assertThat(data.path("senderId").asString()).isEqualTo(pharmacistId.toString());
        assertThat(data.path("orgId").asString()).isEqualTo(pharmacy.toString());
        assertThat(data.path("patientId").asString()).isEqualTo(aboutPatient.toString());
        assertThat(data.path("prescriptionId").asString()).isEqualTo(aboutPrescription.toString());
        assertThat(data.path("channel").asString()).isEqualTo("portal");
        assertThat(data.path("subject").asString()).isEqualTo("Refill ready");
        assertThat(data.path("recipients").findValuesAsString("userId"))
                .as("duplicate recipients are kept once").containsExactlyInAnyOrder(technicianId.toString(), patientId.toString());
        assertThat(data.path("recipients").findValues("readAt")).allMatch(JsonNode::isNull);
        assertThat(db.sql("select count(*) from communication_recipients where communication_id = ? and read_at is null")
                .param(id).query(Long.class).single()).isEqualTo(2);

        assertThat(fixture.get(technician, id).status()).isEqualTo(200);
        Api.Response seenByPatient = fixture.get(patient, id);
        assertThat(seenByPatient.status()).isEqualTo(200);
        assertThat(seenByPatient.header("ETag")).isEqualTo("\"1\"");
        assertThat(seenByPatient.data().path("body").asString()).isEqualTo("Pick up after 3pm.");
    }

    @Test
    void aRetriedSendWithTheSameIdempotencyKeyIsSentOnce() {
        String key = "comm-" + UUID.randomUUID();
        Map<String, Object> body = message(List.of(technicianId), "Once only", "Sent once.");
        long before = fixture.rowCount();

        Api.Response first = api.post("/api/communications", body).token(pharmacist).header("Idempotency-Key", key).send();
        Api.Response retry = api.post("/api/communications", body).token(pharmacist).header("Idempotency-Key", key).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.data().path("id").asString()).isEqualTo(first.data().path("id").asString());
        assertThat(fixture.rowCount()).as("one communication, one recipient").isEqualTo(before + 2);
    }

    @Test
    void recipientMarksItReadOnceAndTheUnreadCountDrops() {
        long before = fixture.unreadCount(technician);
        UUID id = fixture.sent(pharmacist, message(technicianId));
        assertThat(fixture.unreadCount(technician)).isEqualTo(before + 1);
        assertThat(fixture.listedIds(technician, "&unread=true")).contains(id.toString());

        Api.Response first = fixture.markRead(technician, id);

        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        String readAt = first.data().path("readAt").asString();
        assertThat(readAt).isNotBlank();
        Timestamp stored = db.sql("select read_at from communication_recipients where communication_id = ? and recipient_id = ?")
                .params(id, technicianId).query(Timestamp.class).single();
        assertThat(stored).isNotNull();
        assertThat(fixture.unreadCount(technician)).isEqualTo(before);
        assertThat(fixture.listedIds(technician, "&unread=true")).doesNotContain(id.toString());
        assertThat(fixture.listedIds(technician, "&unread=false")).contains(id.toString());

        Api.Response second = fixture.markRead(technician, id);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.data().path("readAt").asString()).as("a second read keeps the first time").isEqualTo(readAt);
        assertThat(db.sql("select read_at from communication_recipients where communication_id = ? and recipient_id = ?")
                .params(id, technicianId).query(Timestamp.class).single()).isEqualTo(stored);
        assertThat(db.sql("select count(*) from audit_log where action = 'communication.mark_read' and resource_id = ?")
                .param(id.toString()).query(Long.class).single()).as("only the first read is a change").isEqualTo(1);
        assertThat(fixture.unreadCount(technician)).isEqualTo(before);
    }

    @Test
    void senderEditsBeforeAnyoneReadsItButGetsConflictAfterwards() {
        UUID id = fixture.sent(pharmacist, message(technicianId));

        Api.Response edited = api.put("/api/communications/" + id, Map.of("subject", "Refill delayed", "body", "Tomorrow instead."))
                .token(pharmacist).header("If-Match", "\"1\"").send();
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        assertThat(edited.header("ETag")).isEqualTo("\"2\"");
        assertThat(edited.data().path("subject").asString()).isEqualTo("Refill delayed");

        Api.Response stale = api.put("/api/communications/" + id, Map.of("subject", "Lost update")).token(pharmacist)
                .header("If-Match", "\"1\"").send();
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.errorCode()).isEqualTo("PRECONDITION_FAILED");

        assertThat(fixture.markRead(technician, id).status()).isEqualTo(200);
        Api.Response afterRead = api.put("/api/communications/" + id, Map.of("channel", "sms")).token(pharmacist)
                .header("If-Match", "\"2\"").send();

        assertThat(afterRead.status()).isEqualTo(409);
        assertThat(afterRead.errorCode()).isEqualTo("CONFLICT");
        assertThat(db.sql("select subject || '|' || channel || '|' || version from communications where id = ?").param(id)
                .query(String.class).single()).isEqualTo("Refill delayed|in_app|2");
    }

    @Test
    void onlyTheSenderOrAnAdminMayEdit() {
        UUID id = fixture.sent(pharmacist, message(technicianId));

        Api.Response byRecipient = api.put("/api/communications/" + id, Map.of("subject", "Changed by recipient")).token(technician).send();
        assertThat(byRecipient.status()).isEqualTo(403);
        assertThat(byRecipient.errorCode()).isEqualTo("FORBIDDEN");

        Api.Response byAdmin = api.put("/api/communications/" + id, Map.of("subject", "Corrected by admin"))
                .token(fixture.users.token(TestUsers.ADMIN)).send();
        assertThat(byAdmin.status()).as(byAdmin.raw()).isEqualTo(200);
        assertThat(db.sql("select subject from communications where id = ?").param(id).query(String.class).single())
                .isEqualTo("Corrected by admin");
    }

    @Test
    void editingNothingIsRefused() {
        UUID id = fixture.sent(pharmacist, message(technicianId));
        Api.Response empty = api.put("/api/communications/" + id, Map.of()).token(pharmacist).send();
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(db.sql("select version from communications where id = ?").param(id).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void softDeleteHidesItFromListsReadsAndUnreadCounts() {
        long before = fixture.unreadCount(technician);
        UUID id = fixture.sent(pharmacist, message(technicianId));
        assertThat(fixture.unreadCount(technician)).isEqualTo(before + 1);
        assertThat(api.delete("/api/communications/" + id).token(technician).send().status())
                .as("a recipient may not delete it").isEqualTo(403);

        Api.Response deleted = api.delete("/api/communications/" + id).token(pharmacist).send();

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.data().path("deleted").asBoolean()).isTrue();
        assertThat(db.sql("select deleted_at is not null from communications where id = ?").param(id).query(Boolean.class).single()).isTrue();
        assertThat(db.sql("select bool_and(deleted_at is not null) from communication_recipients where communication_id = ?")
                .param(id).query(Boolean.class).single()).isTrue();
        assertThat(fixture.get(pharmacist, id).status()).isEqualTo(404);
        assertThat(fixture.get(technician, id).status()).isEqualTo(404);
        assertThat(fixture.listedIds(pharmacist, "")).doesNotContain(id.toString());
        assertThat(fixture.unreadCount(technician)).isEqualTo(before);
        assertThat(fixture.markRead(technician, id).status()).isEqualTo(404);
        assertThat(api.put("/api/communications/" + id, Map.of("subject", "x")).token(pharmacist).send().status()).isEqualTo(404);
        assertThat(api.delete("/api/communications/" + id).token(pharmacist).send().status()).isEqualTo(404);
    }

    @Test
    void listFiltersByPatientPrescriptionChannelAndTimeAndPaginates() {
        UUID aboutPatient = fixture.newPatient();
        UUID aboutPrescription = fixture.newPrescription(aboutPatient);
        UUID sms1 = fixture.sent(pharmacist, about(aboutPatient, null, "sms"));
        UUID email = fixture.sent(pharmacist, about(aboutPatient, aboutPrescription, "email"));
        UUID sms2 = fixture.sent(pharmacist, about(aboutPatient, null, "sms"));
        String byPatient = "&patientId=" + aboutPatient;

        assertThat(fixture.listedIds(pharmacist, byPatient)).containsExactly(sms2.toString(), email.toString(), sms1.toString());
        assertThat(fixture.listedIds(pharmacist, byPatient + "&channel=sms")).containsExactlyInAnyOrder(sms1.toString(), sms2.toString());
        assertThat(fixture.listedIds(pharmacist, "&prescriptionId=" + aboutPrescription)).containsExactly(email.toString());
        assertThat(fixture.listedIds(pharmacist, byPatient + "&sort=channel")).startsWith(email.toString());
        assertThat(fixture.listedIds(pharmacist, byPatient + "&from=2999-01-01")).isEmpty();
        assertThat(fixture.listedIds(pharmacist, byPatient + "&to=2000-01-01T00:00:00Z")).isEmpty();
        assertThat(fixture.listedIds(pharmacist, byPatient + "&from=2000-01-01&to=2999-12-31")).hasSize(3);

        Api.Response firstPage = api.get("/api/communications?limit=2" + byPatient).token(pharmacist).send();
        assertThat(firstPage.data().size()).isEqualTo(2);
        JsonNode pagination = firstPage.json().path("pagination");
        assertThat(pagination.path("total").asLong()).isEqualTo(3);
        assertThat(pagination.path("pages").asLong()).isEqualTo(2);
        assertThat(pagination.path("hasNext").asBoolean()).isTrue();
    }

    @Test
    void badListParametersAreRefusedNamingTheParameter() {
        assertThat(listError("&channel=pigeon")).isEqualTo("channel");
        assertThat(listError("&from=yesterday")).isEqualTo("from");
        assertThat(listError("&to=+999999999-01-01T00:00:00Z")).isEqualTo("to");
        assertThat(listError("&from=2026-02-01&to=2026-01-01")).isEqualTo("to");
        assertThat(listError("&sort=subject")).isEqualTo("sort");
        assertThat(listError("&patientId=not-a-uuid")).isEqualTo("patientId");
        assertThat(listError("&unread=maybe")).isEqualTo("unread");
        assertThat(api.get("/api/communications/not-a-uuid").token(pharmacist).send().status()).isEqualTo(400);
    }

    @Test
    void auditRowsNameTheFieldsButNeverHoldSubjectOrBody() {
        String subject = "Subject-" + UUID.randomUUID();
        String body = "Body-" + UUID.randomUUID();
        String edited = "Edited-" + UUID.randomUUID();
        String createRequest = "comm-" + UUID.randomUUID();
        String listRequest = "comm-" + UUID.randomUUID();
        Api.Response created = api.post("/api/communications", message(List.of(technicianId), subject, body)).token(pharmacist)
                .header("X-Request-Id", createRequest).send();
        UUID id = UUID.fromString(created.data().path("id").asString());
        assertThat(fixture.get(technician, id).status()).isEqualTo(200);
        assertThat(api.get("/api/communications?patientId=" + UUID.randomUUID()).token(pharmacist).header("X-Request-Id", listRequest)
                .send().status()).isEqualTo(200);
        assertThat(api.put("/api/communications/" + id, Map.of("subject", edited, "body", edited)).token(pharmacist).send().status())
                .isEqualTo(200);
        assertThat(fixture.markRead(technician, id).status()).isEqualTo(200);
        assertThat(api.delete("/api/communications/" + id).token(pharmacist).send().status()).isEqualTo(200);

        List<String> rows = db.sql("select row_to_json(a)::text from audit_log a where resource_id = ? or request_id = ? order by seq")
                .params(id.toString(), listRequest).query(String.class).list();
        List<String> actions = db.sql("select action from audit_log where resource_id = ? or request_id = ? order by seq")
                .params(id.toString(), listRequest).query(String.class).list();

        assertThat(actions).containsExactly("communication.create", "communication.read", "communication.list",
                "communication.update", "communication.mark_read", "communication.delete");
        assertThat(rows).noneMatch(r -> r.contains(subject) || r.contains(body) || r.contains(edited));
        assertThat(db.sql("select array_to_string(changed_fields, ',') from audit_log where action = 'communication.update' and resource_id = ?")
                .param(id.toString()).query(String.class).single()).isEqualTo("subject,body");
        assertThat(db.sql("select org_id from audit_log where request_id = ?").param(createRequest).query(UUID.class).single())
                .isEqualTo(pharmacy);
    }

    @Test
    void unreadCountsAndListShapesAreAnsweredFromIndexes() {
        String unread = plan("""
                explain select count(*) from communication_recipients
                where recipient_id = '%s' and read_at is null and deleted_at is null""".formatted(technicianId));
        String staffList = plan("""
                explain select * from communications c where c.deleted_at is null and c.org_id = '%s'
                order by c.sent_at desc, c.id desc limit 20""".formatted(pharmacy));
        String byPatient = plan("""
                explain select * from communications c where c.deleted_at is null and c.patient_id = '%s'
                order by c.sent_at desc, c.id desc limit 20""".formatted(UUID.randomUUID()));
        String ownList = plan("""
                explain select * from communications c where c.deleted_at is null and c.id in
                (select s.id from communications s where s.sender_id = '%1$s' and s.deleted_at is null
                 union all select r.communication_id from communication_recipients r where r.recipient_id = '%1$s')
                order by c.sent_at desc, c.id desc limit 20""".formatted(patientId));

        assertThat(unread).contains("communication_recipients_unread");
        assertThat(staffList).contains("communications_org_sent");
        assertThat(byPatient).contains("communications_patient_sent");
        assertThat(ownList).contains("communication_recipients_recipient").contains("communications_sender_sent")
                .contains("Index Cond: (sender_id = ").contains("Index Cond: (recipient_id = ");
    }

    /** The plan with sequential scans priced out, so that the tiny test tables still show which index fits. */
    private String plan(String explain) {
        try (var connection = owner.getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("set local enable_seqscan = off");
                var lines = new java.util.ArrayList<String>();
                try (var rs = statement.executeQuery(explain)) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                connection.rollback();
                return String.join("\n", lines);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String listError(String query) {
        Api.Response response = api.get("/api/communications?limit=5" + query).token(pharmacist).send();
        assertThat(response.status()).as(query).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
        return response.json().path("error").path("details").get(0).path("field").asString();
    }

    private Map<String, Object> about(UUID patient, UUID prescription, String channel) {
        Map<String, Object> body = message(technicianId);
        body.put("patientId", patient.toString());
        if (prescription != null) {
            body.put("prescriptionId", prescription.toString());
        }
        body.put("channel", channel);
        return body;
    }

    @Test
    void aCommunicationAboutAnUnknownOrInvisiblePatientOrPrescriptionIsRefused() {
        String pharmacistToken = fixture.users.token(TestUsers.PHARMACIST);
        long before = fixture.db.sql("select count(*) from communications").query(Long.class).single();
        Map<String, Object> unknownPatient = message(List.of(technicianId), "About", "Body");
        unknownPatient.put("patientId", UUID.randomUUID().toString());
        Api.Response refused = fixture.send(pharmacistToken, unknownPatient);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").path("details").get(0).path("field").asString()).isEqualTo("patientId");

        Map<String, Object> unknownPrescription = message(List.of(technicianId), "About", "Body");
        unknownPrescription.put("prescriptionId", UUID.randomUUID().toString());
        Api.Response refusedRx = fixture.send(pharmacistToken, unknownPrescription);
        assertThat(refusedRx.status()).isEqualTo(400);
        assertThat(refusedRx.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(fixture.db.sql("select count(*) from communications").query(Long.class).single()).isEqualTo(before);
    }
}
