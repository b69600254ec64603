package com.ai2aim.rx.patients.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One row of {@code patients}; list items are these, without the clinical lists. */
record PatientRow(UUID id, UUID orgId, String mrn, String firstName, String lastName, LocalDate dateOfBirth,
                  String sexAtBirth, String genderIdentity, String phone, String email,
                  PatientRequests.Address address, UUID preferredPharmacyId, UUID userId,
                  PatientRequests.CommunicationPreferences communicationPreferences, boolean isActive, Instant deletedAt,
                  Instant createdAt, Instant updatedAt, int version) {

    boolean deleted() {
        return deletedAt != null;
    }
}
