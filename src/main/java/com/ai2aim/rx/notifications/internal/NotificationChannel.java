package com.ai2aim.rx.notifications.internal;

import java.util.Map;
import java.util.UUID;

/**
 * One way of reaching a person. The outbox worker calls {@link #send} outside any transaction, as the service, and
 * records the {@link SendResult}; an implementation never logs the message, the destination or the body.
 */
interface NotificationChannel {

    /** {@code email}, {@code sms}, {@code push} or {@code in_app}, as stored. */
    String name();

    /** False when the deployment has not set this channel up: its deliveries are skipped, never attempted. */
    boolean configured();

    SendResult send(Outgoing message);

    /**
     * A claimed delivery, ready to go. {@code destination} is the email address or phone number (PHI);
     * {@code htmlBody} is the HTML alternative of {@code body} (email only, may be null; other channels ignore it).
     */
    record Outgoing(UUID deliveryId, UUID notificationId, UUID recipientUserId, String destination, String subject,
                    String body, String htmlBody, Map<String, String> data) {}

    /**
     * How one attempt went. {@code retry} means the partner may accept it later (timeouts, 429, 5xx);
     * {@code failed} means it never will (bad number, unknown token, refused credentials).
     */
    record SendResult(Outcome outcome, Integer providerStatus, String providerMessageId, String errorCode) {

        enum Outcome { SENT, RETRY, FAILED, SKIPPED }

        static SendResult sent(Integer status, String messageId) {
            return new SendResult(Outcome.SENT, status, messageId, null);
        }

        static SendResult retry(Integer status, String errorCode) {
            return new SendResult(Outcome.RETRY, status, null, errorCode);
        }

        static SendResult failed(Integer status, String errorCode) {
            return new SendResult(Outcome.FAILED, status, null, errorCode);
        }

        static SendResult skipped(String reason) {
            return new SendResult(Outcome.SKIPPED, null, null, reason);
        }

        /** A partner's HTTP status: 408, 429 and 5xx may pass later; other 4xx will not. */
        static SendResult fromHttpFailure(int status, String errorCode) {
            boolean transientStatus = status == 408 || status == 429 || status >= 500;
            return transientStatus ? retry(status, errorCode) : failed(status, errorCode);
        }
    }
}
