package com.ai2aim.rx.notifications;

import com.ai2aim.rx.support.IntegrationTest;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The partners at their edges, started once per JVM: GreenMail as the SMTP server and WireMock playing Twilio and
 * FCM. Test classes extending this share one property set, hence one Spring context and database. Retries are
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

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final WireMockServer PARTNERS = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        SMTP.start();
        PARTNERS.start();
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
        properties.add("rx.notifications.fcm.project-id", () -> FCM_PROJECT);
        properties.add("rx.notifications.fcm.access-token", () -> FCM_TOKEN);
        properties.add("rx.notifications.retry-initial-ms", () -> "100");
        properties.add("rx.notifications.max-attempts", () -> "3");
        properties.add("rx.notifications.poll-ms", () -> "200");
    }
}
