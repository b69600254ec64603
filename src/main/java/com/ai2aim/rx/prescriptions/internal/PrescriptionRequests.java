package com.ai2aim.rx.prescriptions.internal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Bodies of the prescription endpoints. */
final class PrescriptionRequests {

    static final String ICD10 = "^[A-TV-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?$";
    static final String UNITS = "tablet|capsule|mL|L|g|mg|patch|each|unit|spray|puff|suppository|film|lozenge|kit|drop";

    private PrescriptionRequests() {}

    record Create(@NotNull UUID patientId,
                  UUID prescriberId,
                  @NotNull UUID medicationId,
                  UUID pharmacyId,
                  @NotBlank @Size(max = 200) String dose,
                  @NotBlank @Size(max = 1000) String sig,
                  @NotNull @Positive @Digits(integer = 7, fraction = 3) @DecimalMax("100000") BigDecimal quantity,
                  @NotBlank @Pattern(regexp = UNITS, message = "must be one of " + UNITS) String quantityUnit,
                  @NotNull @Min(1) @Max(365) Integer daysSupply,
                  @NotNull @Min(0) @Max(99) Integer refillsAuthorized,
                  @PastOrPresent LocalDate writtenDate,
                  LocalDate expiresOn,
                  Boolean substitutionAllowed,
                  @Pattern(regexp = ICD10, message = "must be an ICD-10-CM code such as E11.9") String diagnosisCode,
                  @Size(max = 300) String diagnosisText) {}

    record Update(UUID pharmacyId,
                  @Size(min = 1, max = 200) String dose,
                  @Size(min = 1, max = 1000) String sig,
                  @Positive @Digits(integer = 7, fraction = 3) @DecimalMax("100000") BigDecimal quantity,
                  @Pattern(regexp = UNITS, message = "must be one of " + UNITS) String quantityUnit,
                  @Min(1) @Max(365) Integer daysSupply,
                  @Min(0) @Max(99) Integer refillsAuthorized,
                  Boolean substitutionAllowed,
                  @Pattern(regexp = ICD10, message = "must be an ICD-10-CM code such as E11.9") String diagnosisCode,
                  @Size(max = 300) String diagnosisText) {}

    record Fill(@NotNull @Positive @Digits(integer = 7, fraction = 3) BigDecimal quantity,
                @NotBlank @Size(max = 20) String ndc,
                @Size(max = 40) String lot,
                LocalDate lotExpiresOn) {}

    record Dispense(Boolean counselled, @Size(max = 2000) String notes) {}

    record Reason(@NotBlank @Size(max = 500) String reason) {}
}
