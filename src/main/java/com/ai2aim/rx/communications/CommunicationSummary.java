package com.ai2aim.rx.communications;

import java.time.Instant;
import java.util.UUID;

/**
 * One communication as another module may see it: what, when, how and from whom, never its subject or body.
 *
 * @param channel one of {@code in_app}, {@code email}, {@code sms}, {@code phone}, {@code fax}, {@code portal}
 */
public record CommunicationSummary(UUID id, Instant sentAt, String channel, UUID senderId) {}
