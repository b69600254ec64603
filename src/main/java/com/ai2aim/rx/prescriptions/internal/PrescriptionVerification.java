package com.ai2aim.rx.prescriptions.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.medications.InteractionChecker;
import com.ai2aim.rx.medications.MedicationView;
import com.ai2aim.rx.medications.Medications;
import com.ai2aim.rx.patients.PatientView;
import com.ai2aim.rx.patients.Patients;
import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.security.Role;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ErrorCode;
import com.ai2aim.rx.prescriptions.PrescriptionStatus;
import com.ai2aim.rx.prescriptions.PrescriptionView;
import com.ai2aim.rx.prescriptions.internal.verification.Finding;
import com.ai2aim.rx.prescriptions.internal.verification.PrescriptionVerifier;
import com.ai2aim.rx.prescriptions.internal.verification.Therapy;
import com.ai2aim.rx.prescriptions.internal.verification.Verdict;
import com.ai2aim.rx.prescriptions.internal.verification.VerificationInput;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the verification rules on a pending prescription and stores the verdict with its findings, and lets a
 * pharmacist override a failed verdict with a reason. Facts are read as the caller (row-level security), so only the
 * other prescriptions the caller may see are checked against.
 */
@Service
class PrescriptionVerification {

    /** Bumped when a policy changes meaning, so a stored verdict says which rules produced it. */
    static final String RULES_VERSION = "rules-2026.12";
    private static final List<String> FIELDS = List.of("verification_status", "verification");

    /** A pharmacist's override of a failed verdict. The reason is kept here, not in the audit log (it is free text). */
    record PharmacistOverride(UUID by, Instant at, String reason, String previousStatus) {}

    /** What is stored in {@code prescriptions.verification} and returned: ids, codes and numbers, no PHI. */
    record Outcome(UUID prescriptionId, String status, String rulesVersion, Instant checkedAt, UUID checkedBy,
                   List<Finding> findings, List<PharmacistOverride> overrides) {}

    private final PrescriptionRepository prescriptions;
    private final Patients patients;
    private final Medications medications;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final PrescriptionVerifier verifier;
    private final Clock clock = Clock.systemDefaultZone();

    PrescriptionVerification(PrescriptionRepository prescriptions, Patients patients, Medications medications,
                             InteractionChecker interactions, AuditTrail audit, JsonMapper json) {
        this.prescriptions = prescriptions;
        this.patients = patients;
        this.medications = medications;
        this.audit = audit;
        this.json = json;
        this.verifier = PrescriptionVerifier.withAllPolicies(interactions::between);
    }

    @Transactional
    public Outcome verify(UUID id) {
        Actor actor = Actors.required();
        if (actor.role() != Role.PHARMACIST && actor.role() != Role.PHYSICIAN && !actor.isAdmin() && !actor.isService()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only pharmacists, physicians and admins verify prescriptions");
        }
        PrescriptionView current = lockPending(id, "verify");
        MedicationView medication = medications.find(current.medication().id())
                .orElseThrow(() -> ApiException.conflict("The prescription's medication is no longer in the catalogue"));
        PatientView patient = patients.find(current.patientId()).orElseThrow(() -> ApiException.notFound("Patient"));
        List<Therapy> others = prescriptions.activeOf(current.patientId(), id).stream()
                .map(p -> medications.find(p.medication().id()).map(m -> Therapy.of(p, m)))
                .flatMap(Optional::stream).toList();
        PrescriptionVerifier.Result result = verifier.verify(
                new VerificationInput(Therapy.of(current, medication), patient, others, LocalDate.now(clock)));
        Outcome outcome = new Outcome(id, result.verdict().value(), RULES_VERSION, clock.instant(), actor.userId(),
                result.findings(), List.of());
        prescriptions.storeVerification(id, outcome.status(), json.writeValueAsString(outcome));
        audit.recordChange(AuditEntry.of("prescription.verify", "prescription", id).inOrganisation(current.orgId())
                .changed(FIELDS));
        return outcome;
    }

    @Transactional
    public Outcome override(UUID id, String reason) {
        Actor actor = Actors.required();
        if (actor.role() != Role.PHARMACIST) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only a pharmacist may override a failed verification");
        }
        PrescriptionView current = lockPending(id, "override the verification of");
        if (!Verdict.FAILED.value().equals(current.verificationStatus()) || current.verification() == null) {
            throw ApiException.conflict("Only a failed verification can be overridden");
        }
        Outcome previous = json.convertValue(current.verification(), Outcome.class);
        List<PharmacistOverride> overrides = new ArrayList<>(previous.overrides() == null ? List.of() : previous.overrides());
        overrides.add(new PharmacistOverride(actor.userId(), clock.instant(), reason.strip(), previous.status()));
        Outcome outcome = new Outcome(id, Verdict.NEEDS_REVIEW.value(), previous.rulesVersion(), previous.checkedAt(),
                previous.checkedBy(), previous.findings(), overrides);
        prescriptions.storeVerification(id, outcome.status(), json.writeValueAsString(outcome));
        // The actor is recorded by the audit trail; the free-text reason stays on the prescription, out of the log.
        audit.recordChange(AuditEntry.of("prescription.verification.override", "prescription", id)
                .inOrganisation(current.orgId()).changed(FIELDS)
                .withDetails(Map.of("previousStatus", previous.status(), "overrideNumber", overrides.size())));
        return outcome;
    }

    /** Marks a prescription that automatic verification could not check, so a pharmacist verifies it by hand. */
    @Transactional
    public void markManual(UUID id) {
        PrescriptionView current = prescriptions.lock(id).orElseThrow(() -> ApiException.notFound("Prescription"));
        prescriptions.storeVerification(id, "manual", null);
        audit.recordChange(AuditEntry.of("prescription.verify", "prescription", id).inOrganisation(current.orgId())
                .changed(FIELDS).withDetails(Map.of("automatic", true, "outcome", "manual")));
    }

    private PrescriptionView lockPending(UUID id, String move) {
        PrescriptionView current = prescriptions.lock(id).orElseThrow(() -> ApiException.notFound("Prescription"));
        if (current.lifecycleStatus() != PrescriptionStatus.PENDING) {
            throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION,
                    "Cannot " + move + " a " + current.status() + " prescription: only pending prescriptions are verified");
        }
        return current;
    }
}
