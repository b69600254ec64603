package com.ai2aim.rx.notifications;

import com.ai2aim.rx.support.IntegrationTest;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The partners at their edges, started once per JVM: GreenMail as the SMTP server and WireMock playing Twilio, FCM
 * and Google's OAuth 2 token endpoint, which mints FCM access tokens from a service-account key generated here (its
 * {@code token_uri} points at WireMock). Test classes extending this share one property set, hence one Spring context and database. Retries are
 * fast here (100 ms back-off, 3 attempts) so back-off and give-up can be watched.
 */
@IntegrationTest
abstract class PartnerSandboxes {

    static final String TWILIO_SID = "AC0123456789abcdef0123456789abcdef";
    static final String TWILIO_TOKEN = "twilio-test-token";
    static final String TWILIO_FROM = "+15550000000";
    static final String FCM_PROJECT = "rx-test";
    static final String FCM_TOKEN = "ya29.test-access-token";
    static final String MAIL_FROM = "pharmacy@rx.test";
    static final String TOKEN_PATH = "/oauth2/token";
    static final String SERVICE_ACCOUNT = "rx-push@rx-test.iam.gserviceaccount.com";
    static final java.security.KeyPair SERVICE_ACCOUNT_KEY;
    static final java.nio.file.Path SERVICE_ACCOUNT_FILE;

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final WireMockServer PARTNERS = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        SMTP.start();
        PARTNERS.start();
        PARTNERS.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(TOKEN_PATH)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        "{\"access_token\":\"" + FCM_TOKEN + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            SERVICE_ACCOUNT_KEY = generator.generateKeyPair();
            String pem = "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(SERVICE_ACCOUNT_KEY.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
            String key = new tools.jackson.databind.json.JsonMapper().writeValueAsString(java.util.Map.of(
                    "type", "service_account", "project_id", FCM_PROJECT, "private_key_id", "test-key",
                    "private_key", pem, "client_email", SERVICE_ACCOUNT, "client_id", "1234567890",
                    "token_uri", PARTNERS.baseUrl() + TOKEN_PATH));
            SERVICE_ACCOUNT_FILE = java.nio.file.Files.createTempFile("rx-fcm-key", ".json");
            java.nio.file.Files.writeString(SERVICE_ACCOUNT_FILE, key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            SMTP.stop();
            PARTNERS.stop();
        }));
    }

    @DynamicPropertySource
    static void partners(DynamicPropertyRegistry properties) {
        properties.add("rx.notifications.smtp.host", () -> "127.0.0.1");
        properties.add("rx.notifications.smtp.port", () -> SMTP.getSmtp().getPort());
        properties.add("rx.notifications.smtp.from", () -> MAIL_FROM);
        properties.add("rx.notifications.smtp.starttls", () -> "false");
        properties.add("rx.notifications.twilio.base-url", PARTNERS::baseUrl);
        properties.add("rx.notifications.twilio.account-sid", () -> TWILIO_SID);
        properties.add("rx.notifications.twilio.auth-token", () -> TWILIO_TOKEN);
        properties.add("rx.notifications.twilio.from", () -> TWILIO_FROM);
        properties.add("rx.notifications.fcm.base-url", PARTNERS::baseUrl);
        properties.add("rx.notifications.fcm.service-account-file", SERVICE_ACCOUNT_FILE::toString);
        properties.add("rx.notifications.retry-initial-ms", () -> "100");
        properties.add("rx.notifications.max-attempts", () -> "3");
        properties.add("rx.notifications.poll-ms", () -> "200");
    }
}
