package com.ai2aim.rx.communications.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A communication as the API shows it to someone allowed to see it. */
record CommunicationView(UUID id, UUID orgId, UUID senderId, List<Recipient> recipients, UUID patientId,
                         UUID prescriptionId, String channel, String subject, String body, Instant sentAt,
                         Instant updatedAt, int version) {

    /** A recipient and when they read it (null: not yet). */
    record Recipient(UUID userId, Instant readAt) {}

    boolean isRecipient(UUID user) {
        return recipients.stream().anyMatch(r -> r.userId().equals(user));
    }

    CommunicationView withRecipients(List<Recipient> list) {
        return new CommunicationView(id, orgId, senderId, List.copyOf(list), patientId, prescriptionId, channel, subject,
                body, sentAt, updatedAt, version);
    }
}
