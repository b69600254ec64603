package com.ai2aim.rx.notifications.internal;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * SMS through Twilio's Messages API: {@code POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json}, form fields
 * {@code To}, {@code From}, {@code Body}, HTTP basic auth with the account SID and auth token. Twilio answers 201
 * with the message's {@code sid}; its error {@code code} is kept as the attempt's error code.
 */
@Component
class SmsChannel implements NotificationChannel {

    private final NotificationProperties.Twilio twilio;
    private final RestClient http;

    SmsChannel(NotificationProperties properties) {
        this.twilio = properties.twilio();
        this.http = PartnerHttp.client(properties.twilio().baseUrl(), properties.httpTimeout());
    }

    @Override public String name() { return "sms"; }
    @Override public boolean configured() { return twilio.configured(); }

    @Override
    public SendResult send(Outgoing message) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("To", message.destination());
        form.add("From", twilio.from());
        form.add("Body", message.body());
        try {
            var response = http.post().uri("/2010-04-01/Accounts/{sid}/Messages.json", twilio.accountSid())
                    .headers(h -> h.setBasicAuth(twilio.accountSid(), twilio.authToken()))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.APPLICATION_JSON)
                    .body(form).retrieve().toEntity(Map.class);
            Object sid = response.getBody() == null ? null : response.getBody().get("sid");
            return SendResult.sent(response.getStatusCode().value(), sid == null ? null : sid.toString());
        } catch (RestClientResponseException e) {
            return SendResult.fromHttpFailure(e.getStatusCode().value(), twilioCode(e));
        } catch (ResourceAccessException e) {
            return SendResult.retry(null, "twilio_unreachable");
        }
    }

    /** Twilio's numeric error code (e.g. 21211 invalid "To"), never its message, which may quote the number. */
    private static String twilioCode(RestClientResponseException e) {
        String body = e.getResponseBodyAsString();
        var matcher = java.util.regex.Pattern.compile("\"code\"\\s*:\\s*(\\d{1,6})").matcher(body);
        return matcher.find() ? "twilio_" + matcher.group(1) : "twilio_http_" + e.getStatusCode().value();
    }

}
