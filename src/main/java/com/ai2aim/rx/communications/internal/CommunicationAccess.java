package com.ai2aim.rx.communications.internal;

import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Role;
import java.util.UUID;

/**
 * Who may see and who may change a communication. Row-level security enforces the same rules in the database;
 * these decide between 404 (you may not know it exists), 403 and the list's scope.
 */
final class CommunicationAccess {

    private CommunicationAccess() {}

    /** Which rows a list may cover before filters: everything, one organisation, or the actor's own. */
    sealed interface Scope {
        record Everything() implements Scope {}
        record Organisation(UUID orgId) implements Scope {}
        record Participant(UUID userId) implements Scope {}
    }

    static Scope listScope(Actor actor) {
        if (actor.isService() || actor.isGlobalAdmin()) {
            return new Scope.Everything();
        }
        return isStaff(actor) ? new Scope.Organisation(actor.orgId()) : new Scope.Participant(actor.userId());
    }

    /** Participants and the organisation's staff (admins included) see a communication; patients only their own. */
    static boolean participantsAndStaffMaySee(Actor actor, CommunicationView c) {
        return actor.isService() || actor.isGlobalAdmin()
                || isStaff(actor) && c.orgId().equals(actor.orgId())
                || isParticipant(actor, c);
    }

    /** Only the sender or an admin of the organisation edits or deletes a communication. */
    static boolean onlySenderOrAdminMayChange(Actor actor, CommunicationView c) {
        return c.senderId().equals(actor.userId()) || actor.administers(c.orgId());
    }

    private static boolean isParticipant(Actor actor, CommunicationView c) {
        return actor.userId() != null && (actor.userId().equals(c.senderId()) || c.isRecipient(actor.userId()));
    }

    private static boolean isStaff(Actor actor) {
        return actor.orgId() != null && (actor.role() == Role.ADMIN || actor.role().isStaff());
    }
}
