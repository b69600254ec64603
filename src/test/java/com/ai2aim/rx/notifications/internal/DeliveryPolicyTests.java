package com.ai2aim.rx.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.platform.web.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryPolicyTests {

    static DeliveryPolicy.Recipient patient(Map<String, Boolean> consent, DeliveryPolicy.QuietHours quiet) {
        return new DeliveryPolicy.Recipient(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "a@b.org", "+15555550100",
                consent, quiet, List.of(), null);
    }

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @CsvSource({
            "22:00-07:00, 2026-03-10T23:30:00Z, 2026-03-11T07:00:00Z",
            "22:00-07:00, 2026-03-10T03:00:00Z, 2026-03-10T07:00:00Z",
            "22:00-07:00, 2026-03-10T12:00:00Z, none",
            "12:00-13:00, 2026-03-10T12:59:00Z, 2026-03-10T13:00:00Z",
            "12:00-13:00, 2026-03-10T13:00:00Z, none",
            "08:00-08:00, 2026-03-10T08:00:00Z, none"})
    void quietHoursEndWhereTheyShould(String hours, String now, String expected) {
        String[] se = hours.split("-");
        Instant end = DeliveryPolicy.quietHoursEnd(new DeliveryPolicy.QuietHours(se[0], se[1], "UTC"), Instant.parse(now));
        assertThat(end == null ? "none" : end.toString()).isEqualTo(expected);
    }

    @Test
    void quietHoursAreReadInThePatientsTimeZone() {
        // 21:30 UTC is 22:30 in Paris (winter): inside 22:00-07:00, ending at 07:00 Paris = 06:00 UTC.
        Instant end = DeliveryPolicy.quietHoursEnd(new DeliveryPolicy.QuietHours("22:00", "07:00", "Europe/Paris"),
                Instant.parse("2026-01-15T21:30:00Z"));
        assertThat(end).isEqualTo(Instant.parse("2026-01-16T06:00:00Z"));
    }

    @Test
    void emailSmsAndPushNeedExplicitConsentWhileInAppNeedsOnlyNoRefusal() {
        var nobodyAsked = patient(Map.of(), null);
        Instant now = Instant.now();
        assertThat(DeliveryPolicy.decide("sms", true, nobodyAsked, now).reason()).isEqualTo("no_consent");
        assertThat(DeliveryPolicy.decide("email", true, nobodyAsked, now).reason()).isEqualTo("no_consent");
        assertThat(DeliveryPolicy.decide("in_app", true, nobodyAsked, now).status()).isEqualTo("queued");
        assertThat(DeliveryPolicy.decide("in_app", true, patient(Map.of("in_app", false), null), now).reason()).isEqualTo("no_consent");
        assertThat(DeliveryPolicy.decide("sms", true, patient(Map.of("sms", true), null), now).destination()).isEqualTo("+15555550100");
    }

    @Test
    void anUnconfiguredChannelIsSkippedBeforeAnythingElseIsAsked() {
        assertThat(DeliveryPolicy.decide("sms", false, patient(Map.of(), null), Instant.now()).reason()).isEqualTo("channel_not_configured");
    }

    @Test
    void inAppIsNotHeldByQuietHoursButSmsIs() {
        var quiet = new DeliveryPolicy.QuietHours("00:00", "23:59", "UTC");
        var to = patient(Map.of("sms", true), quiet);
        Instant now = Instant.parse("2026-03-10T12:00:00Z");
        assertThat(DeliveryPolicy.decide("in_app", true, to, now).notBefore()).isEqualTo(now);
        assertThat(DeliveryPolicy.decide("sms", true, to, now).reason()).isEqualTo("quiet_hours");
        assertThat(DeliveryPolicy.decide("sms", true, to, now).notBefore()).isEqualTo(Instant.parse("2026-03-10T23:59:00Z"));
    }

    @Test
    void aMissingVariableIsAValidationErrorNamingIt() {
        try {
            TemplateRenderer.render("body", "Hi {{patientName}}, {{pickupDate}}", Map.of("patientName", "P"));
            throw new AssertionError("expected a validation error");
        } catch (ApiException e) {
            assertThat(e.toError().details()).singleElement().satisfies(d -> assertThat(d.field()).isEqualTo("variables.pickupDate"));
        }
        assertThat(TemplateRenderer.render("body", "{{#note}}Note: {{note}}{{/note}}done", Map.of())).isEqualTo("done");
        assertThat(TemplateRenderer.render("body", "<{{x}}>", Map.of("x", "a&b"))).isEqualTo("<a&b>");
    }
}
