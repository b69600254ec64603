package com.ai2aim.rx.prescriptions.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.functions.RxFunction;
import com.ai2aim.rx.medications.MedicationView;
import com.ai2aim.rx.medications.Medications;
import com.ai2aim.rx.patients.Patients;
import com.ai2aim.rx.platform.security.Role;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.prescriptions.internal.DrugInteractionCheck.Finding;
import com.ai2aim.rx.prescriptions.internal.DrugInteractionCheck.Input;
import com.ai2aim.rx.prescriptions.internal.DrugInteractionCheck.Result;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * the active medications are this module's data; the patient is read through the patients module (so a patient the
 * caller may not see is a 404) and the knowledge base is answered from memory by the medications module.
 */
@Component
class CheckDrugInteractionsFunction implements RxFunction<Input, Result> {

    private static final Pattern RXCUI = Pattern.compile("[0-9]{1,9}");

    private final Patients patients;
    private final Medications medications;
    private final PrescriptionInteractions interactions;
    private final AuditTrail audit;
    private final TransactionTemplate readOnly;

    CheckDrugInteractionsFunction(Patients patients, Medications medications, PrescriptionInteractions interactions,
                                  AuditTrail audit,
                                  PlatformTransactionManager transactionManager) {
        this.patients = patients;
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

    @Override
    public Result invoke(Input input) {
        record Checked(UUID orgId, List<Finding> findings) {}
        Checked checked = readOnly.execute(status -> {
            UUID orgId = patients.organisationOf(input.patientId()).orElseThrow(() -> ApiException.notFound("Patient"));
            List<String> candidate = ingredientsOf(input.newMedication());
            return new Checked(orgId, findings(input.patientId(), candidate));
        });
        audit.recordAccess(AuditEntry.of("prescription.interaction_check", "patient", input.patientId())
                .inOrganisation(checked.orgId()).withDetails(Map.of("interactions", checked.findings().size())));
        return new Result(checked.findings());
    }

    private List<Finding> findings(UUID patientId, List<String> candidate) {
        return interactions.against(patientId, candidate).stream()
                .map(f -> new Finding(f.medication(), f.severity(), f.description(), f.recommendation(), f.source()))
                .toList();
    }

    /**
     * The ingredients of the medication asked about: a catalogue product by id, a product by RxCUI, an ingredient by
     * RxCUI (taken alone, not as whichever combination product contains it), or the best product for a name.
     */
    private List<String> ingredientsOf(String term) {
        String q = term.strip();
        UUID id = uuidOrNull(q);
        if (id != null) {
            return medications.find(id).map(MedicationView::ingredientRxcuis).orElseThrow(() -> unknown());
        }
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
