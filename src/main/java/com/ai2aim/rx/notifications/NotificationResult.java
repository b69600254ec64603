package com.ai2aim.rx.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a send did: the notification created (or, for a repeated dedup key, the one created first) and each
 * channel's delivery.
 *
 * @param duplicate true when the dedup key had been used already and nothing new was sent
 */
public record NotificationResult(UUID notificationId, UUID patientId, UUID userId, boolean duplicate,
                                 List<ChannelStatus> deliveries) {

    public NotificationResult {
        deliveries = List.copyOf(deliveries);
    }

    /**
     * @param status      {@code queued}, {@code sending}, {@code sent}, {@code failed} or {@code skipped}
     * @param reason      why it was skipped or deferred ({@code no_consent}, {@code no_contact},
     *                    {@code channel_not_configured}, {@code quiet_hours}), else null
     * @param scheduledFor when a queued delivery will first be tried (later than now inside quiet hours)
     */
    public record ChannelStatus(String channel, String status, String reason, Instant scheduledFor) {}
}
