package com.ai2aim.rx.patients.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A patient as {@code GET /api/patients/{id}} shows it: the whole resource, with its current clinical lists. */
record PatientDetails(UUID id, UUID orgId, String mrn, String firstName, String lastName, LocalDate dateOfBirth,
                      String sexAtBirth, String genderIdentity, String phone, String email,
                      PatientRequests.Address address, UUID preferredPharmacyId, UUID userId,
                      PatientRequests.CommunicationPreferences communicationPreferences, boolean isActive,
                      Instant deletedAt, List<AllergyRecord> allergies, List<ConditionRecord> conditions,
                      List<CoverageRecord> coverages, Instant createdAt, Instant updatedAt, int version) {

    static PatientDetails of(PatientRow row, ClinicalLists lists) {
        return new PatientDetails(row.id(), row.orgId(), row.mrn(), row.firstName(), row.lastName(), row.dateOfBirth(),
                row.sexAtBirth(), row.genderIdentity(), row.phone(), row.email(), row.address(),
                row.preferredPharmacyId(), row.userId(), row.communicationPreferences(), row.isActive(), row.deletedAt(),
                lists.allergies(), lists.conditions(), lists.coverages(), row.createdAt(), row.updatedAt(), row.version());
    }

    record AllergyRecord(UUID id, String substance, String rxcui, String drugClass, String reaction, String severity,
                         Instant recordedAt, UUID recordedBy) {}

    record ConditionRecord(UUID id, String icd10Code, String text, Instant recordedAt, UUID recordedBy) {}

    record CoverageRecord(UUID id, String payerName, String memberId, String groupNumber, String bin, String pcn,
                          String relationship, int priority) {}

    record VisitRecord(UUID id, UUID patientId, UUID orgId, String type, Instant at, UUID performedBy, String notes,
                       Instant recordedAt) {}

    /** A patient's current allergies, conditions and coverages. */
    record ClinicalLists(List<AllergyRecord> allergies, List<ConditionRecord> conditions, List<CoverageRecord> coverages) {}
}
