package com.ai2aim.rx.prescriptions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** A prescription as the API shows it. {@code rxNumber} is the human-facing number printed on labels. */
public record PrescriptionView(UUID id, String rxNumber, UUID orgId, UUID patientId, UUID prescriberId,
                               MedicationRef medication, UUID pharmacyId, String dose, String sig, BigDecimal quantity,
                               String quantityUnit, int daysSupply, int refillsAuthorized, int refillsRemaining,
                               LocalDate writtenDate, LocalDate expiresOn, boolean substitutionAllowed,
                               String diagnosisCode, String diagnosisText, Integer deaSchedule, boolean controlled,
                               String status, String statusReason, String verificationStatus,
                               Map<String, Object> verification, UUID approvedBy, Instant approvedAt,
                               Instant createdAt, Instant updatedAt, int version) {

    /** The medication as named on the prescription. */
    public record MedicationRef(UUID id, String rxcui, String name) {}

    public PrescriptionStatus lifecycleStatus() {
        return PrescriptionStatus.of(status);
    }
}
