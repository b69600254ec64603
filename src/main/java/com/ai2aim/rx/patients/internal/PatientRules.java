package com.ai2aim.rx.patients.internal;

import com.ai2aim.rx.platform.web.ApiException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The rules a patient body must meet beyond its annotations: those that span fields or need the database. Every
 * check runs before anything is written, and a failure names the field.
 */
@Component
class PatientRules {

    private final PatientRepository patients;

    PatientRules(PatientRepository patients) {
        this.patients = patients;
    }

    void checkPreferredPharmacy(UUID pharmacyId) {
        if (pharmacyId != null && !patients.isActivePharmacy(pharmacyId)) {
            throw ApiException.invalid("preferredPharmacyId", "must be the id of an active pharmacy");
        }
    }

    /** A linked account must be a patient-role user of the patient's organisation, linked to no other patient. */
    void checkUserLink(UUID userId, UUID orgId, UUID patientId) {
        if (userId == null) {
            return;
        }
        if (!patients.isPatientUserOf(userId, orgId)) {
            throw ApiException.invalid("userId", "must be an active patient-role user of the patient's organisation");
        }
        if (patients.userLinkedElsewhere(userId, patientId)) {
            throw ApiException.conflict("This user account is already linked to another patient");
        }
    }

    void checkMrnFree(UUID orgId, String mrn, UUID patientId) {
        if (mrn != null && patients.mrnTaken(orgId, mrn, patientId)) {
            throw ApiException.conflict("A patient with this MRN already exists in the organisation");
        }
    }

    static void checkAllergies(String field, List<PatientRequests.Allergy> allergies) {
        if (allergies == null) {
            return;
        }
        for (int i = 0; i < allergies.size(); i++) {
            checkAllergy(field + "[" + i + "]", allergies.get(i));
        }
    }

    static void checkAllergy(String field, PatientRequests.Allergy allergy) {
        if (!allergy.identified()) {
            throw ApiException.invalid(field + ".substance", "substance, rxcui or drugClass is required");
        }
    }

    /** Two coverages cannot both be primary (or both secondary): billing order must be unambiguous. */
    static void checkCoverages(List<PatientRequests.Coverage> coverages) {
        if (coverages == null) {
            return;
        }
        Set<Integer> priorities = new HashSet<>();
        for (int i = 0; i < coverages.size(); i++) {
            Integer priority = coverages.get(i).priority() == null ? 1 : coverages.get(i).priority();
            if (!priorities.add(priority)) {
                throw ApiException.invalid("coverages[" + i + "].priority", "repeats the priority of another coverage");
            }
        }
    }

    /** Items sent with an id must name one of the patient's current items of that list. */
    static void checkItemIds(String field, List<UUID> requested, Set<UUID> current) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            UUID id = requested.get(i);
            if (id != null && (!current.contains(id) || !seen.add(id))) {
                throw ApiException.invalid(field + "[" + i + "].id", "must be the id of one of this patient's current items, once");
            }
        }
    }

    /**
     * Fills in when consent was given: a consent granted without a time keeps the time it was first granted, or
     * takes now; a consent withdrawn has no time.
     */
    static PatientRequests.CommunicationPreferences stamped(PatientRequests.CommunicationPreferences incoming,
                                                            PatientRequests.CommunicationPreferences previous, Instant now) {
        if (incoming == null || incoming.consent() == null) {
            return incoming;
        }
        PatientRequests.ChannelConsents before = previous == null ? null : previous.consent();
        PatientRequests.ChannelConsents c = incoming.consent();
        var consents = new PatientRequests.ChannelConsents(
                stamp(c.email(), before == null ? null : before.email(), now),
                stamp(c.sms(), before == null ? null : before.sms(), now),
                stamp(c.push(), before == null ? null : before.push(), now),
                stamp(c.inApp(), before == null ? null : before.inApp(), now));
        List<String> channels = incoming.channels() == null ? null : List.copyOf(new java.util.LinkedHashSet<>(incoming.channels()));
        return new PatientRequests.CommunicationPreferences(channels, consents, incoming.quietHours(), incoming.language());
    }

    private static PatientRequests.Consent stamp(PatientRequests.Consent consent, PatientRequests.Consent before, Instant now) {
        if (consent == null) {
            return null;
        }
        if (!consent.granted()) {
            return new PatientRequests.Consent(false, null);
        }
        if (consent.at() != null) {
            return consent;
        }
        boolean alreadyGranted = before != null && Boolean.TRUE.equals(before.granted()) && before.at() != null;
        return new PatientRequests.Consent(true, alreadyGranted ? before.at() : now);
    }
}
