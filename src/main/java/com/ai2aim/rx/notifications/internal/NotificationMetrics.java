package com.ai2aim.rx.notifications.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code rx.notifications.deliveries{channel, status}}: counts only, never who or what. */
@Component
class NotificationMetrics {

    private final MeterRegistry registry;

    NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void delivery(String channel, String status) {
        Counter.builder("rx.notifications.deliveries").description("Notification deliveries by channel and status")
                .tag("channel", channel).tag("status", status).register(registry).increment();
    }
}
