package com.ai2aim.rx.prescriptions.internal;

import com.ai2aim.rx.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Prescriptions", description = "Prescriptions and their lifecycle: approve, fill, dispense, refills")
@RestController
class PrescriptionVerificationController {

    private final PrescriptionVerification verification;

    PrescriptionVerificationController(PrescriptionVerification verification) {
        this.verification = verification;
    }

    @Operation(summary = "Verify a pending prescription against the clinical rules (pharmacist, physician, admin)",
            description = "Allergies and cross-sensitivities, interactions, duplicate therapy, opioid MME, opioid + "
                    + "benzodiazepine overlap, controlled-substance rules and quantity sanity. Stores and returns "
                    + "passed, needs_review or failed with the findings; failed blocks approval.")
    @PreAuthorize("hasAnyRole('PHARMACIST', 'PHYSICIAN', 'ADMIN')")
    @PostMapping("/api/prescriptions/{id}/verify")
    ApiResponse<PrescriptionVerification.Outcome> verify(@PathVariable UUID id) {
        return ApiResponse.ok(verification.verify(id));
    }

    @Operation(summary = "Override a failed verification with a reason (pharmacist)",
            description = "Sets the verification to needs_review so the prescriber may approve; the override is recorded.")
    @PreAuthorize("hasRole('PHARMACIST')")
    @PostMapping("/api/prescriptions/{id}/verification/override")
    ApiResponse<PrescriptionVerification.Outcome> override(@PathVariable UUID id,
                                                          @Valid @RequestBody PrescriptionRequests.Reason body) {
        return ApiResponse.ok(verification.override(id, body.reason()));
    }
}
