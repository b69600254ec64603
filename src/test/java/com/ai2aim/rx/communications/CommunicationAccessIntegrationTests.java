package com.ai2aim.rx.communications;

import static com.ai2aim.rx.communications.CommunicationFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ai2aim.rx.communications.CommunicationFixture.SignedIn;
import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who sees and changes which communication, through the running service and below it (raw SQL with a user's claims).
 * Another organisation never learns that an id exists: every endpoint answers 404.
 */
@IntegrationTest
class CommunicationAccessIntegrationTests {

    @LocalServerPort int port;
    @Autowired DataSource dataSource;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    CommunicationFixture fixture;
    Api api;
    TestUsers users;
    String pharmacist;
    UUID pharmacistId;
    UUID technicianId;
    UUID patientId;
    UUID pharmacy;

    @BeforeEach
    void setUp() {
        fixture = new CommunicationFixture(port, owner);
        api = fixture.api;
        users = fixture.users;
        pharmacist = users.token(TestUsers.PHARMACIST);
        pharmacistId = users.id(TestUsers.PHARMACIST);
        technicianId = users.id(TestUsers.TECHNICIAN);
        patientId = users.id(TestUsers.PATIENT);
        pharmacy = users.orgOf(TestUsers.PHARMACIST);
    }

    @Test
    void technicianOfAnotherOrganisationGetsNotFoundOnEveryEndpointEvenWithTheId() {
        SignedIn outsider = fixture.newUser("technician", fixture.newOrganisation("Elsewhere Pharmacy"));
        UUID id = fixture.sent(pharmacist, message(technicianId));

        assertNotFoundEverywhere(outsider.token(), id);
        assertThat(fixture.listedIds(outsider.token(), "")).doesNotContain(id.toString());
        assertThat(fixture.db.sql("select version from communications where id = ?").param(id).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void physicianOfAnotherOrganisationGetsNotFound() {
        String physician = users.token(TestUsers.PHYSICIAN);
        UUID id = fixture.sent(pharmacist, message(technicianId));

        assertNotFoundEverywhere(physician, id);
        assertThat(fixture.listedIds(physician, "")).doesNotContain(id.toString());
    }

    @Test
    void adminOfAnotherOrganisationGetsNotFoundButTheGlobalAdminSeesIt() {
        SignedIn otherAdmin = fixture.newUser("admin", fixture.newOrganisation("Other Admin Pharmacy"));
        UUID id = fixture.sent(pharmacist, message(technicianId));

        assertNotFoundEverywhere(otherAdmin.token(), id);
        assertThat(fixture.get(users.token(TestUsers.ADMIN), id).status()).isEqualTo(200);
        assertThat(fixture.listedIds(users.token(TestUsers.ADMIN), "&sort=-sentAt")).contains(id.toString());
    }

    @Test
    void patientSeesOnlyCommunicationsTheySentOrReceived() {
        String patient = users.token(TestUsers.PATIENT);
        UUID notTheirs = fixture.sent(pharmacist, message(technicianId));
        UUID theirs = fixture.sent(pharmacist, message(patientId));
        UUID theySent = fixture.sent(patient, message(pharmacistId));

        assertThat(fixture.get(patient, notTheirs).status()).isEqualTo(404);
        assertThat(fixture.get(patient, theirs).status()).isEqualTo(200);
        assertThat(fixture.get(patient, theySent).status()).isEqualTo(200);
        Api.Response list = api.get("/api/communications?limit=100").token(patient).send();
        List<String> ids = list.data().findValuesAsString("id");
        assertThat(ids).contains(theirs.toString(), theySent.toString()).doesNotContain(notTheirs.toString());
        list.data().forEach(c -> assertThat(c.path("senderId").asString().equals(patientId.toString())
                || c.path("recipients").findValuesAsString("userId").contains(patientId.toString())).isTrue());
    }

    @Test
    void staffOfTheOrganisationSeeCommunicationsTheyAreNotPartOfButCannotChangeOrMarkThem() {
        String technician = users.token(TestUsers.TECHNICIAN);
        UUID id = fixture.sent(pharmacist, message(patientId));

        assertThat(fixture.get(technician, id).status()).isEqualTo(200);
        assertThat(fixture.listedIds(technician, "")).contains(id.toString());
        assertThat(api.put("/api/communications/" + id, Map.of("subject", "x")).token(technician).send().status()).isEqualTo(403);
        assertThat(fixture.markRead(technician, id).status()).as("not a recipient").isEqualTo(403);
        assertThat(fixture.markRead(pharmacist, id).status()).as("the sender is not a recipient either").isEqualTo(403);
    }

    @Test
    void patientMaySendToStaffButNeverToAnotherPatient() {
        String patient = users.token(TestUsers.PATIENT);
        UUID otherPatient = fixture.newUser("patient", pharmacy).id();
        long before = fixture.rowCount();

        Api.Response refused = fixture.send(patient, message(otherPatient));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").path("details").get(0).path("field").asString()).isEqualTo("recipientIds[0]");
        assertThat(fixture.rowCount()).isEqualTo(before);
        assertThat(fixture.send(patient, message(technicianId)).status()).isEqualTo(201);
    }

    @Test
    void recipientsOutsideTheSendersOrganisationAreRefused() {
        UUID outsider = fixture.newUser("technician", fixture.newOrganisation("Far Away Pharmacy")).id();
        long before = fixture.rowCount();

        Api.Response refused = fixture.send(pharmacist, message(List.of(technicianId, outsider), "Hello", "Hello"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").path("details").findValuesAsString("field")).containsExactly("recipientIds[1]");
        assertThat(refused.raw()).doesNotContain(outsider.toString());
        assertThat(fixture.rowCount()).isEqualTo(before);
    }

    @Test
    void globalAdminSendsWithinTheRecipientsOrganisationOnly() {
        String admin = users.token(TestUsers.ADMIN);
        UUID elsewhere = fixture.newUser("technician", fixture.newOrganisation("Admin Target Pharmacy")).id();

        Api.Response sent = fixture.send(admin, message(technicianId));
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.data().path("orgId").asString()).isEqualTo(pharmacy.toString());

        Api.Response mixed = fixture.send(admin, message(List.of(technicianId, elsewhere), "Hi", "Hi"));
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.json().path("error").path("details").get(0).path("field").asString()).isEqualTo("recipientIds");
    }

    @Test
    void rowLevelSecurityHidesAndGuardsCommunicationsBelowTheApi() throws SQLException {
        UUID orgB = fixture.newOrganisation("RLS Comm Pharmacy");
        SignedIn outsider = fixture.newUser("technician", orgB);
        UUID id = fixture.sent(pharmacist, message(technicianId));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);

            actAs(c, outsider.id(), "technician", orgB);
            assertThat(count(c, "select count(*) from communications where id = '" + id + "'")).isZero();
            assertThat(count(c, "select count(*) from communication_recipients where communication_id = '" + id + "'")).isZero();
            assertThat(c.createStatement().executeUpdate("update communications set subject = 'x' where id = '" + id + "'")).isZero();
            assertThatThrownBy(() -> c.createStatement().executeUpdate("insert into communication_recipients (communication_id, recipient_id, org_id) "
                    + "values ('" + id + "', '" + outsider.id() + "', '" + orgB + "')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
            c.rollback();

            actAs(c, patientId, "patient", pharmacy);
            assertThat(count(c, "select count(*) from communications where id = '" + id + "'")).as("patient, not a participant").isZero();
            c.rollback();

            actAs(c, technicianId, "technician", pharmacy);
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "update communication_recipients set read_at = now() where communication_id = '" + id + "'"))
                    .as("read times change only through rx.mark_communication_read").isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            c.rollback();

            actAs(c, pharmacistId, "pharmacist", pharmacy);
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "update communications set sender_id = '" + technicianId + "' where id = '" + id + "'"))
                    .as("only content columns may be set").isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            c.rollback();
        }
        assertThat(fixture.db.sql("select subject from communications where id = ?").param(id).query(String.class).single())
                .isEqualTo("Refill ready");
    }

    @Test
    void theDatabaseRefusesAnEditAfterARead() throws SQLException {
        UUID id = fixture.sent(pharmacist, message(technicianId));
        assertThat(fixture.markRead(users.token(TestUsers.TECHNICIAN), id).status()).isEqualTo(200);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            actAs(c, pharmacistId, "pharmacist", pharmacy);
            assertThatThrownBy(() -> c.createStatement().executeUpdate("update communications set body = 'changed' where id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("after it has been read");
            c.rollback();
        }
    }

    private void assertNotFoundEverywhere(String token, UUID id) {
        assertThat(fixture.get(token, id).status()).isEqualTo(404);
        assertThat(fixture.get(token, id).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(api.put("/api/communications/" + id, Map.of("subject", "Hijacked")).token(token).send().status()).isEqualTo(404);
        assertThat(api.delete("/api/communications/" + id).token(token).send().status()).isEqualTo(404);
        assertThat(fixture.markRead(token, id).status()).isEqualTo(404);
    }

    private static void actAs(Connection c, UUID user, String role, UUID org) throws SQLException {
        String claims = "{\"sub\":\"" + user + "\",\"role\":\"authenticated\",\"app_metadata\":{\"rx_role\":\"" + role
                + "\",\"org_id\":\"" + org + "\"}}";
        try (PreparedStatement s = c.prepareStatement("select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ?, true)")) {
            s.setString(1, claims);
            s.execute();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
