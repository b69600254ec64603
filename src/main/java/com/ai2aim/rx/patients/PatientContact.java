package com.ai2aim.rx.patients;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How to reach a patient and what they agreed to: for modules that send messages (notifications). Holds contact
 * details (PHI): never log it.
 *
 * @param channels   the channels the patient prefers, among {@code email, sms, push, in_app}; empty when not stated
 * @param consent    per channel, whether consent is granted; a channel never asked about is absent
 * @param quietHours when not to be disturbed, or null
 * @param language   the language messages should be in ({@code es}, {@code es-MX}), or null when not stated
 */
public record PatientContact(UUID patientId, UUID orgId, UUID userId, UUID preferredPharmacyId, String firstName,
                             String lastName, String phone, String email, List<String> channels,
                             Map<String, Boolean> consent, QuietHours quietHours, String language) {

    public PatientContact {
        channels = channels == null ? List.of() : List.copyOf(channels);
        consent = consent == null ? Map.of() : Map.copyOf(consent);
    }

    /** Local times {@code HH:mm} in an IANA zone; {@code end} before {@code start} means the hours run past midnight. */
    public record QuietHours(String start, String end, String timezone) {}
}
