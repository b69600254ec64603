package com.ai2aim.rx.notifications.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decides, when a send is requested, what happens to each channel: skipped (and why) or queued (and from when).
 * Checked in this order: the channel is configured; a patient consented to it; there is somewhere to send it; and,
 * for a patient, the quiet hours, which defer email, SMS and push to their end (in-app is silent, so it is not held).
 *
 * <p>Consent: email, SMS and push need the patient's explicit consent for that channel (opt-in); in-app needs only
 * that consent was not withdrawn. Staff users receive what their work needs, without a consent check.
 */
final class DeliveryPolicy {

    static final String NOT_CONFIGURED = "channel_not_configured";
    static final String NO_CONSENT = "no_consent";
    static final String NO_CONTACT = "no_contact";
    static final String QUIET_HOURS = "quiet_hours";

    private DeliveryPolicy() {}

    /**
     * Whom a notification goes to, with what the policy needs to know. Holds contact details (PHI).
     *
     * @param language the language templates are chosen in ({@code es}, {@code es-MX}); null for the defaults
     */
    record Recipient(UUID patientId, UUID userId, UUID orgId, String email, String phone, Map<String, Boolean> consent,
                     QuietHours quietHours, List<String> preferredChannels, String language) {

        boolean isPatient() {
            return patientId != null;
        }
    }

    record QuietHours(String start, String end, String timezone) {}

    /** @param status {@code queued} or {@code skipped}; {@code notBefore} is when a queued one may first go */
    record Decision(String status, String reason, String destination, Instant notBefore) {

        static Decision skipped(String reason) {
            return new Decision("skipped", reason, null, null);
        }
    }

    static Decision decide(String channel, boolean configured, Recipient to, Instant now) {
        if (!configured) {
            return Decision.skipped(NOT_CONFIGURED);
        }
        if (to.isPatient() && !consented(channel, to.consent())) {
            return Decision.skipped(NO_CONSENT);
        }
        String destination = switch (channel) {
            case "email" -> to.email();
            case "sms" -> to.phone();
            default -> null;
        };
        boolean reachable = switch (channel) {
            case "email", "sms" -> destination != null && !destination.isBlank();
            default -> to.userId() != null;
        };
        if (!reachable) {
            return Decision.skipped(NO_CONTACT);
        }
        Instant quietEnd = to.isPatient() && !"in_app".equals(channel) ? quietHoursEnd(to.quietHours(), now) : null;
        return quietEnd == null ? new Decision("queued", null, destination, now)
                : new Decision("queued", QUIET_HOURS, destination, quietEnd);
    }

    static boolean consented(String channel, Map<String, Boolean> consent) {
        Boolean given = consent.get(channel);
        return "in_app".equals(channel) ? !Boolean.FALSE.equals(given) : Boolean.TRUE.equals(given);
    }

    /** The end of the quiet hours that {@code now} falls in, or null when it falls in none (or they are unreadable). */
    static Instant quietHoursEnd(QuietHours quiet, Instant now) {
        if (quiet == null) {
            return null;
        }
        ZoneId zone;
        LocalTime start;
        LocalTime end;
        try {
            zone = ZoneId.of(quiet.timezone());
            start = LocalTime.parse(quiet.start());
            end = LocalTime.parse(quiet.end());
        } catch (RuntimeException e) {
            // The patients module validates these; a stored value it no longer accepts must not stop a send.
            return null;
        }
        if (start.equals(end)) {
            return null;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        LocalDate today = local.toLocalDate();
        if (start.isBefore(end)) {
            return !t.isBefore(start) && t.isBefore(end) ? ZonedDateTime.of(today, end, zone).toInstant() : null;
        }
        if (!t.isBefore(start)) {
            return ZonedDateTime.of(today.plusDays(1), end, zone).toInstant();
        }
        return t.isBefore(end) ? ZonedDateTime.of(today, end, zone).toInstant() : null;
    }
}
