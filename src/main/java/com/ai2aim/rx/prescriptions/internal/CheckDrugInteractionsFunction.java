package com.ai2aim.rx.prescriptions.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.functions.RxFunction;
import com.ai2aim.rx.medications.MedicationView;
import com.ai2aim.rx.medications.Medications;
import com.ai2aim.rx.platform.db.OneTrip;
import com.ai2aim.rx.platform.security.Role;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.prescriptions.internal.DrugInteractionCheck.Finding;
import com.ai2aim.rx.prescriptions.internal.DrugInteractionCheck.Input;
import com.ai2aim.rx.prescriptions.internal.DrugInteractionCheck.Result;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code drug-interaction-check}: which of a patient's active medications (their pending, approved, filled or
 * dispensed prescriptions that have not expired) interact with a medication being considered. Lives here because
 * the active medications are this module's data; the patient is read with them under the caller's row-level security
 * (so a patient the caller may not see is a 404), and the knowledge base is answered from memory by the medications
 * module.
 */
@Component
class CheckDrugInteractionsFunction implements RxFunction<Input, Result> {

    private static final Pattern RXCUI = Pattern.compile("[0-9]{1,9}");

    private final OneTrip oneTrip;
    private final Medications medications;
    private final PrescriptionInteractions interactions;
    private final AuditTrail audit;
    private final TransactionTemplate readOnly;

    CheckDrugInteractionsFunction(OneTrip oneTrip, Medications medications, PrescriptionInteractions interactions,
                                  AuditTrail audit, PlatformTransactionManager transactionManager) {
        this.oneTrip = oneTrip;
        this.medications = medications;
        this.interactions = interactions;
        this.audit = audit;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    @Override public String name() { return "drug-interaction-check"; }
    @Override public Class<Input> inputType() { return Input.class; }
    @Override public Set<Role> allowedRoles() { return Set.of(Role.PHARMACIST, Role.TECHNICIAN, Role.PHYSICIAN, Role.ADMIN); }
    @Override public Duration timeout() { return Duration.ofSeconds(2); }
    /** Asked while a prescription is being written or checked at the counter; a few short statements. */
    @Override public boolean prioritised() { return true; }

    /** A lock or serialization conflict on the reads is worth another try; nothing else is. */
    @Override
    public boolean isTransient(RuntimeException failure) {
        return failure instanceof TransientDataAccessException;
    }

    /**
     * The patient and their active medications, the product asked about when it is given by catalogue id (the usual
     * case), and the access record come in one round trip; an RxCUI or a name is looked up in the catalogue
     * afterwards. The access is recorded whatever the answer, as the patient's medications were read.
     */
    @Override
    public Result invoke(Input input) {
        String term = input.newMedication().strip();
        UUID candidateId = uuidOrNull(term);
        AuditEntry access = AuditEntry.of("prescription.interaction_check", "patient", input.patientId())
                .withDetails(candidateId == null ? Map.of() : Map.of("medicationId", candidateId.toString()));
        InteractionFacts facts = InteractionFacts.read(oneTrip, input.patientId(), candidateId, audit.accessForStatement(access))
                .orElseThrow(() -> ApiException.notFound("Patient"));
        audit.accessStaged();
        List<String> candidate = candidateId != null
                ? Optional.ofNullable(facts.candidateIngredients()).orElseThrow(CheckDrugInteractionsFunction::unknown)
                : readOnly.execute(status -> ingredientsOf(term));
        List<Finding> findings = interactions.between(candidate, facts.active()).stream()
                .map(f -> new Finding(f.medication(), f.severity(), f.description(), f.recommendation(), f.source()))
                .toList();
        return new Result(findings);
    }

    /**
     * The ingredients of a medication named by RxCUI (a product, or an ingredient taken alone rather than as whichever
     * combination product contains it) or by name (the best product for it).
     */
    private List<String> ingredientsOf(String q) {
        if (RXCUI.matcher(q).matches()) {
            MedicationView product = medications.findByRxcui(q).orElse(null);
            if (product != null) {
                return product.ingredientRxcuis();
            }
            boolean isIngredient = medications.search(q, 1).stream().anyMatch(m -> m.ingredientRxcuis().contains(q));
            if (isIngredient) {
                return List.of(q);
            }
            throw unknown();
        }
        return medications.search(q, 1).stream().findFirst().map(MedicationView::ingredientRxcuis).orElseThrow(() -> unknown());
    }

    private static ApiException unknown() {
        return ApiException.invalid("newMedication", "matches no medication in the catalogue");
    }

    private static UUID uuidOrNull(String s) {
        if (s.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
