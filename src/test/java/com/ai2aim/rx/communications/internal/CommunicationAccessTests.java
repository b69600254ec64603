package com.ai2aim.rx.communications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommunicationAccessTests {

    static final UUID ORG = UUID.randomUUID();
    static final UUID OTHER_ORG = UUID.randomUUID();
    static final UUID SENDER = UUID.randomUUID();
    static final UUID RECIPIENT = UUID.randomUUID();
    static final CommunicationView MESSAGE = new CommunicationView(UUID.randomUUID(), ORG, SENDER,
            List.of(new CommunicationView.Recipient(RECIPIENT, null)), null, null, "in_app", "s", "b", Instant.now(), Instant.now(), 1);

    static Actor actor(UUID id, Role role, UUID org) {
        return new Actor(id, null, role, org, null, "{}");
    }

    @Test
    void staffSeeTheirOrganisationsCommunicationsAndNoOtherOrganisations() {
        for (Role role : List.of(Role.ADMIN, Role.PHARMACIST, Role.TECHNICIAN, Role.PHYSICIAN)) {
            assertThat(CommunicationAccess.participantsAndStaffMaySee(actor(UUID.randomUUID(), role, ORG), MESSAGE)).as(role.name()).isTrue();
            assertThat(CommunicationAccess.participantsAndStaffMaySee(actor(UUID.randomUUID(), role, OTHER_ORG), MESSAGE)).as(role.name()).isFalse();
        }
    }

    @Test
    void aPatientSeesOnlyWhatTheySentOrReceived() {
        assertThat(CommunicationAccess.participantsAndStaffMaySee(actor(RECIPIENT, Role.PATIENT, ORG), MESSAGE)).isTrue();
        assertThat(CommunicationAccess.participantsAndStaffMaySee(actor(SENDER, Role.PATIENT, ORG), MESSAGE)).isTrue();
        assertThat(CommunicationAccess.participantsAndStaffMaySee(actor(UUID.randomUUID(), Role.PATIENT, ORG), MESSAGE)).isFalse();
    }

    @Test
    void globalAdminsAndTheServiceSeeEverything() {
        assertThat(CommunicationAccess.participantsAndStaffMaySee(actor(UUID.randomUUID(), Role.ADMIN, null), MESSAGE)).isTrue();
        assertThat(CommunicationAccess.participantsAndStaffMaySee(Actor.SERVICE, MESSAGE)).isTrue();
    }

    @Test
    void onlyTheSenderOrAnAdminOfTheOrganisationMayChangeIt() {
        assertThat(CommunicationAccess.onlySenderOrAdminMayChange(actor(SENDER, Role.TECHNICIAN, ORG), MESSAGE)).isTrue();
        assertThat(CommunicationAccess.onlySenderOrAdminMayChange(actor(UUID.randomUUID(), Role.ADMIN, ORG), MESSAGE)).isTrue();
        assertThat(CommunicationAccess.onlySenderOrAdminMayChange(actor(UUID.randomUUID(), Role.ADMIN, null), MESSAGE)).isTrue();
        assertThat(CommunicationAccess.onlySenderOrAdminMayChange(actor(RECIPIENT, Role.PHARMACIST, ORG), MESSAGE)).isFalse();
        assertThat(CommunicationAccess.onlySenderOrAdminMayChange(actor(UUID.randomUUID(), Role.ADMIN, OTHER_ORG), MESSAGE)).isFalse();
    }

    @Test
    void listsAreScopedToEverythingTheOrganisationOrTheParticipant() {
        assertThat(CommunicationAccess.listScope(actor(UUID.randomUUID(), Role.ADMIN, null))).isInstanceOf(CommunicationAccess.Scope.Everything.class);
        assertThat(CommunicationAccess.listScope(actor(UUID.randomUUID(), Role.PHYSICIAN, ORG)))
                .isEqualTo(new CommunicationAccess.Scope.Organisation(ORG));
        assertThat(CommunicationAccess.listScope(actor(RECIPIENT, Role.PATIENT, ORG)))
                .isEqualTo(new CommunicationAccess.Scope.Participant(RECIPIENT));
    }
}
