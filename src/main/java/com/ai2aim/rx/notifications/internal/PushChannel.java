package com.ai2aim.rx.notifications.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Push through Firebase Cloud Messaging HTTP v1: {@code POST {base}/v1/projects/{project}/messages:send} with
 * {@code {"message":{"token","notification":{"title","body"},"data"}}} and a Bearer access token, once per device the
 * recipient registered. Sent when any device accepted it; a token FCM reports as unregistered (404) is forgotten.
 * The access token comes from {@link FcmCredentials} (minted from a service-account key, or given); when it cannot be
 * had the attempt is retried later.
 */
@Component
class PushChannel implements NotificationChannel {

    private final FcmCredentials fcm;
    private final boolean configured;
    private final RestClient http;
    private final OutboxRepository outbox;
    private final TransactionTemplate transactions;

    PushChannel(NotificationProperties properties, OutboxRepository outbox, TransactionTemplate transactions) {
        this.fcm = FcmCredentials.of(properties.fcm());
        this.http = PartnerHttp.client(properties.fcm().baseUrl(), properties.httpTimeout());
        this.configured = NotificationProperties.notBlank(properties.fcm().baseUrl()) && fcm.configured();
        this.outbox = outbox;
        this.transactions = transactions;
    }

    @Override public String name() { return "push"; }
    @Override public boolean configured() { return configured; }

    @Override
    public SendResult send(Outgoing message) {
        List<String> tokens = transactions.execute(s -> outbox.deviceTokens(message.recipientUserId()));
        if (tokens.isEmpty()) {
            return SendResult.skipped("no_device");
        }
        SendResult last = null;
        for (String token : tokens) {
            SendResult result = sendTo(token, message);
            if (result.outcome() == SendResult.Outcome.SENT) {
                return result;
            }
            if (result.providerStatus() != null && result.providerStatus() == 404) {
                transactions.executeWithoutResult(s -> outbox.forgetDevice(token));
            }
            last = last == null || last.outcome() != SendResult.Outcome.RETRY ? result : last;
        }
        return last;
    }

    private SendResult sendTo(String token, Outgoing message) {
        Map<String, Object> notification = new HashMap<>();
        notification.put("title", message.subject() == null ? "" : message.subject());
        notification.put("body", message.body());
        Map<String, Object> body = Map.of("message", Map.of("token", token, "notification", notification, "data", message.data()));
        String accessToken;
        try {
            accessToken = fcm.accessToken();
        } catch (FcmCredentials.Unavailable e) {
            return SendResult.retry(null, "fcm_auth_unavailable");
        }
        try {
            var response = http.post().uri("/v1/projects/{project}/messages:send", fcm.projectId())
                    .headers(h -> h.setBearerAuth(accessToken))
                    .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                    .body(body).retrieve().toEntity(Map.class);
            Object name = response.getBody() == null ? null : response.getBody().get("name");
            return SendResult.sent(response.getStatusCode().value(), name == null ? null : name.toString());
        } catch (RestClientResponseException e) {
            return SendResult.fromHttpFailure(e.getStatusCode().value(), fcmCode(e));
        } catch (ResourceAccessException e) {
            return SendResult.retry(null, "fcm_unreachable");
        }
    }

    /** FCM's error status (UNREGISTERED, INVALID_ARGUMENT, ...), never its message. */
    private static String fcmCode(RestClientResponseException e) {
        var matcher = java.util.regex.Pattern.compile("\"errorCode\"\\s*:\\s*\"([A-Z_]{1,40})\"|\"status\"\\s*:\\s*\"([A-Z_]{1,40})\"")
                .matcher(e.getResponseBodyAsString());
        if (matcher.find()) {
            return "fcm_" + (matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        return "fcm_http_" + e.getStatusCode().value();
    }
}
