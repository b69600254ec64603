package com.ai2aim.rx.notifications.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code rx.notifications.*}: the outbox worker, retries, the live stream, and each channel's partner settings. */
@ConfigurationProperties("rx.notifications")
record NotificationProperties(boolean workerEnabled, long pollMs, int batchSize, int leaseSeconds, int maxAttempts,
                              long retryInitialMs, double retryMultiplier, long retryMaxMs, long httpTimeoutMs,
                              int sseHeartbeatSeconds, long sseTimeoutMs, Smtp smtp, Twilio twilio, Fcm fcm) {

    Duration httpTimeout() {
        return Duration.ofMillis(httpTimeoutMs);
    }

    record Smtp(String host, int port, String username, String password, String from, boolean starttls) {
        boolean configured() {
            return notBlank(host) && notBlank(from);
        }
    }

    record Twilio(String baseUrl, String accountSid, String authToken, String from) {
        boolean configured() {
            return notBlank(baseUrl) && notBlank(accountSid) && notBlank(authToken) && notBlank(from);
        }
    }

    /** Project and token come through {@link FcmCredentials}: a service-account key, or a token minted elsewhere. */
    record Fcm(String baseUrl, String projectId, String accessToken, String serviceAccountFile) {}

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
