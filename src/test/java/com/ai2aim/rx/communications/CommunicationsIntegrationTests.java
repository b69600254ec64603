package com.ai2aim.rx.communications;

import static com.ai2aim.rx.communications.CommunicationFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.security.Role;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** The module's API as another module calls it: inside that module's transaction, as the current actor. */
@IntegrationTest
class CommunicationsIntegrationTests {

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;
    @Autowired Communications communications;
    @Autowired TransactionTemplate transactions;

    CommunicationFixture fixture;
    String pharmacist;
    UUID technicianId;

    @BeforeEach
    void setUp() {
        fixture = new CommunicationFixture(port, owner);
        pharmacist = fixture.users.token(TestUsers.PHARMACIST);
        technicianId = fixture.users.id(TestUsers.TECHNICIAN);
    }

    @Test
    void forPatientListsThePatientsCommunicationsNewestFirstWithoutDeletedOnes() {
        UUID patient = fixture.newPatient();
        UUID first = fixture.sent(pharmacist, about(patient, "sms"));
        UUID second = fixture.sent(pharmacist, about(patient, "phone"));
        UUID deleted = fixture.sent(pharmacist, about(patient, "email"));
        fixture.sent(pharmacist, about(fixture.newPatient(), "email"));
        assertThat(fixture.api.delete("/api/communications/" + deleted).token(pharmacist).send().status()).isEqualTo(200);

        List<CommunicationSummary> timeline = inTransactionOf(actorFor(TestUsers.PHARMACIST), patient);

        assertThat(timeline).extracting(CommunicationSummary::id).containsExactly(second, first);
        assertThat(timeline.get(0).channel()).isEqualTo("phone");
        assertThat(timeline.get(0).senderId()).isEqualTo(fixture.users.id(TestUsers.PHARMACIST));
        assertThat(timeline.get(0).sentAt()).isAfterOrEqualTo(timeline.get(1).sentAt());
    }

    @Test
    void forPatientShowsAnotherOrganisationNothing() {
        UUID patient = fixture.newPatient();
        fixture.sent(pharmacist, about(patient, "sms"));

        assertThat(inTransactionOf(actorFor(TestUsers.PHYSICIAN), patient)).isEmpty();
        assertThat(inTransactionOf(actorFor(TestUsers.TECHNICIAN), patient)).hasSize(1);
    }

    /** Calls the API the way the patients module will: inside its own transaction, opened as the signed-in actor. */
    private List<CommunicationSummary> inTransactionOf(Actor actor, UUID patient) {
        return Actors.as(actor, () -> transactions.execute(status -> communications.forPatient(patient)));
    }

    private Actor actorFor(String email) {
        String token = fixture.users.token(email);
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(claims);
        String role = json.path("app_metadata").path("rx_role").asString();
        return new Actor(UUID.fromString(json.path("sub").asString()), email, Role.parse(role).orElseThrow(),
                UUID.fromString(json.path("app_metadata").path("org_id").asString()), null, claims);
    }

    private Map<String, Object> about(UUID patient, String channel) {
        Map<String, Object> body = message(technicianId);
        body.put("patientId", patient.toString());
        body.put("channel", channel);
        return body;
    }
}
