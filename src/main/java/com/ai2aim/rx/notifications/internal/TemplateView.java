package com.ai2aim.rx.notifications.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A template as the admin API shows it. {@code locale} null is the default for its key and channel; {@code htmlBody}
 * (email only, may be null) is the HTML alternative of {@code body}.
 */
record TemplateView(UUID id, String key, String channel, String locale, String subject, String body, String htmlBody,
                    int version, boolean active, Instant createdAt, Instant updatedAt) {}
