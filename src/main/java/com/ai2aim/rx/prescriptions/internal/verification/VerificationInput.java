package com.ai2aim.rx.prescriptions.internal.verification;

import com.ai2aim.rx.patients.PatientView;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What verification looks at: the prescription being verified, the patient (for allergies and conditions), the
 * patient's other active prescriptions, and today's date (passed in so the rules are pure and testable).
 */
public record VerificationInput(Therapy candidate, PatientView patient, List<Therapy> others, LocalDate today) {

    public VerificationInput {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(today, "today");
        others = others == null ? List.of() : List.copyOf(others);
    }
}
