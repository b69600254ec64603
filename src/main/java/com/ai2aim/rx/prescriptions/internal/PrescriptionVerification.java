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
import com.ai2aim.rx.prescriptions.internal.verification.VerificationPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import com.ai2aim.rx.prescriptions.PrescriptionNeedsManualVerification;
import com.ai2aim.rx.prescriptions.internal.verification.FindingSeverity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the verification rules (and, when configured, a language-model review) on a pending prescription and stores
 * the verdict with its findings, and lets a pharmacist override a failed verdict with a reason. Facts are read as the caller (row-level security), so only the
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
    private final ModelReview modelReview;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;
    private final Clock clock = Clock.systemDefaultZone();

    PrescriptionVerification(PrescriptionRepository prescriptions, Patients patients, Medications medications,
                             InteractionChecker interactions, AuditTrail audit, JsonMapper json, ModelReview modelReview,
                             ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
                             List<VerificationPolicy> localPolicies) {
        this.modelReview = modelReview;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.prescriptions = prescriptions;
        this.patients = patients;
        this.medications = medications;
        this.audit = audit;
        this.json = json;
        this.verifier = PrescriptionVerifier.withAllPolicies(interactions::between, localPolicies);
    }

    /**
     * Verifies a pending prescription as the current actor and stores the verdict. With a language model configured,
     * the model is asked between two short transactions (never while the row is locked); its findings are kept only
     * if the prescription did not change meanwhile.
     */
    public Outcome verify(UUID id) {
        return verify(id, false).orElseThrow();
    }

    /**
     * Automatic verification: as {@link #verify(UUID)}, but only while the prescription is pending and has no
     * verdict yet, so a second delivery of the same event changes nothing. Empty when there was nothing to do.
     */
    public Optional<Outcome> verifyIfUnverified(UUID id) {
        return verify(id, true);
    }

    private Optional<Outcome> verify(UUID id, boolean onlyIfUnverified) {
        Actor actor = Actors.required();
        if (actor.role() != Role.PHARMACIST && actor.role() != Role.PHYSICIAN && !actor.isAdmin() && !actor.isService()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only pharmacists, physicians and admins verify prescriptions");
        }
        Review review = Review.NONE;
        if (modelReview.enabled()) {
            Prepared prepared = readOnly.execute(status -> {
                PrescriptionView current = prescriptions.find(id).orElseThrow(() -> ApiException.notFound("Prescription"));
                return onlyIfUnverified && !unverifiedPending(current) ? null : prepare(current, "verify");
            });
            if (prepared == null) {
                return Optional.empty();
            }
            review = new Review(prepared.prescription().version(),
                    modelReview.review(prepared.input(), prepared.result().findings()));
        }
        Review modelFindings = review;
        return Optional.ofNullable(transactions.execute(status -> store(id, actor, onlyIfUnverified, modelFindings)));
    }

    /** Model findings and the prescription version they were made for. */
    private record Review(int version, List<Finding> findings) {
        static final Review NONE = new Review(-1, List.of());
    }

    private record Prepared(PrescriptionView prescription, VerificationInput input, PrescriptionVerifier.Result result) {}

    private Outcome store(UUID id, Actor actor, boolean onlyIfUnverified, Review review) {
        PrescriptionView current = prescriptions.lock(id).orElseThrow(() -> ApiException.notFound("Prescription"));
        if (onlyIfUnverified && !unverifiedPending(current)) {
            return null;
        }
        Prepared prepared = prepare(current, "verify");
        List<Finding> findings = new ArrayList<>(prepared.result().findings());
        if (review != Review.NONE) {
            findings.addAll(review.version() == current.version() ? review.findings() : List.of(new Finding(ModelReview.POLICY,
                    FindingSeverity.INFO, "MODEL_REVIEW_STALE", "The prescription changed during the model review; "
                    + "the review was discarded.", Map.of(), "language model review")));
        }
        findings.sort(java.util.Comparator.comparing(Finding::severity));
        Outcome outcome = new Outcome(id, Verdict.of(findings).value(), RULES_VERSION, clock.instant(), actor.userId(),
                findings, List.of());
        prescriptions.storeVerification(id, outcome.status(), json.writeValueAsString(outcome));
        audit.recordChange(AuditEntry.of("prescription.verify", "prescription", id).inOrganisation(current.orgId())
                .changed(FIELDS).withDetails(Map.of("outcome", outcome.status(), "automatic", actor.isService())));
        return outcome;
    }

    /** Loads the facts for a pending prescription and runs the rules (pure, a few milliseconds). */
    private Prepared prepare(PrescriptionView current, String move) {
        requirePending(current, move);
        PatientView patient = patients.find(current.patientId()).orElseThrow(() -> ApiException.notFound("Patient"));
        List<PrescriptionView> active = prescriptions.activeOf(current.patientId(), current.id());
        // The prescription's own product and the others' in one read.
        List<UUID> productIds = new ArrayList<>(active.stream().map(p -> p.medication().id()).toList());
        productIds.add(current.medication().id());
        java.util.Map<UUID, MedicationView> products = medications.findAll(productIds);
        MedicationView medication = Optional.ofNullable(products.get(current.medication().id()))
                .orElseThrow(() -> ApiException.conflict("The prescription's medication is no longer in the catalogue"));
        List<Therapy> others = active.stream().filter(p -> products.containsKey(p.medication().id()))
                .map(p -> Therapy.of(p, products.get(p.medication().id()))).toList();
        VerificationInput input = new VerificationInput(Therapy.of(current, medication), patient, others, LocalDate.now(clock));
        return new Prepared(current, input, verifier.verify(input));
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
    public void markManualIfUnverified(UUID id) {
        PrescriptionView current = prescriptions.lock(id).orElseThrow(() -> ApiException.notFound("Prescription"));
        if (!unverifiedPending(current)) {
            return;
        }
        prescriptions.storeVerification(id, "manual", null);
        events.publishEvent(new PrescriptionNeedsManualVerification(id, current.orgId(), current.pharmacyId()));
        audit.recordChange(AuditEntry.of("prescription.verify", "prescription", id).inOrganisation(current.orgId())
                .changed(FIELDS).withDetails(Map.of("automatic", true, "outcome", "manual")));
    }

    private static boolean unverifiedPending(PrescriptionView p) {
        return p.lifecycleStatus() == PrescriptionStatus.PENDING && p.verificationStatus() == null;
    }

    private PrescriptionView lockPending(UUID id, String move) {
        return requirePending(prescriptions.lock(id).orElseThrow(() -> ApiException.notFound("Prescription")), move);
    }

    private static PrescriptionView requirePending(PrescriptionView current, String move) {
        if (current.lifecycleStatus() != PrescriptionStatus.PENDING) {
            throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION,
                    "Cannot " + move + " a " + current.status() + " prescription: only pending prescriptions are verified");
        }
        return current;
    }
}
