package com.ai2aim.rx.patients;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A patient as other modules see it: identity, organisation, linked user account, preferred pharmacy, and the
 * allergies and conditions that are currently recorded (removed ones are left out).
 */
public record PatientView(UUID id, UUID orgId, String mrn, String firstName, String lastName, LocalDate dateOfBirth,
                          UUID userId, UUID preferredPharmacyId, boolean active, List<AllergyView> allergies,
                          List<ConditionView> conditions) {

    public PatientView {
        allergies = List.copyOf(allergies);
        conditions = List.copyOf(conditions);
    }
}
