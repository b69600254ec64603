package com.ai2aim.rx.documents.internal.extract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What was extracted from one document, in the plan's output shape. The constraints are the checks Bean Validation
 * runs on every result, whichever extractor produced it; a result that fails them is kept but marked for review.
 */
public record Extraction(
        @NotNull @Pattern(regexp = "lab_result|referral|letter|prescription|unknown") String documentType,
        @DecimalMin("0") @DecimalMax("1") double confidence,
        @NotNull @Valid Patient patient,
        @NotNull @Valid Dates dates,
        @NotNull List<@NotNull @Valid LabResult> labResults,
        @Valid Referral referral,
        @Valid Prescription prescription,
        @NotNull Map<String, Double> fieldConfidence,
        @NotNull List<String> warnings,
        @NotNull @Pattern(regexp = "deterministic|llm") String extractor) {

    public Extraction {
        labResults = List.copyOf(labResults);
        fieldConfidence = Map.copyOf(fieldConfidence);
        warnings = List.copyOf(warnings);
    }

    public Extraction withConfidence(double value, List<String> moreWarnings) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(moreWarnings);
        return new Extraction(documentType, value, patient, dates, labResults, referral, prescription, fieldConfidence,
                all, extractor);
    }

    public record Patient(@Size(max = 200) String name, @PastOrPresent LocalDate dateOfBirth, @Size(max = 64) String mrn) {}

    /** {@code document}: the date the document carries (letters, referrals, prescriptions); labs add collection and report dates. */
    public record Dates(@PastOrPresent LocalDate document, @PastOrPresent LocalDate collected, @PastOrPresent LocalDate reported) {}

    public record LabResult(@NotBlank @Size(max = 100) String test, @NotBlank @Size(max = 40) String value,
                            @Size(max = 40) String unit, @Size(max = 60) String referenceRange,
                            @Pattern(regexp = "H|L|HH|LL|N") String flag) {}

    public record Referral(@Size(max = 1000) String reason, @Size(max = 200) String from, @Size(max = 200) String to,
                           @Pattern(regexp = "routine|urgent|emergency") String urgency) {}

    public record Prescription(@Size(max = 200) String medication, @Size(max = 60) String strength,
                               @Size(max = 500) String sig, @PositiveOrZero @Max(100000) Integer quantity,
                               @PositiveOrZero @Max(99) Integer refills, @Size(max = 200) String prescriber) {}

    /** Document types the extractor knows, in the API's spelling. */
    public static final List<String> TYPES = List.of("lab_result", "referral", "letter", "prescription");

    public static final Map<String, Double> NO_FIELDS = Map.of();
}
