package com.ai2aim.rx.prescriptions.internal;

import com.ai2aim.rx.medications.Interaction;
import com.ai2aim.rx.medications.InteractionChecker;
import com.ai2aim.rx.medications.MedicationView;
import com.ai2aim.rx.medications.Medications;
import com.ai2aim.rx.medications.Severity;
import com.ai2aim.rx.prescriptions.PrescriptionView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which interactions a set of ingredients has with a patient's other active medications. One place for it: the
 * {@code /interactions} endpoint and the {@code drug-interaction-check} function both ask here.
 */
@Component
class PrescriptionInteractions {

    /** One finding: the other medication involved and the knowledge-base entry. */
    record Finding(UUID medicationId, String medication, Severity severity, String description, String recommendation,
                   String source, String sourceText, String sourceLanguage, String ingredient, String interactingIngredient) {}

    private final PrescriptionRepository prescriptions;
    private final Medications medications;
    private final InteractionChecker checker;

    PrescriptionInteractions(PrescriptionRepository prescriptions, Medications medications, InteractionChecker checker) {
        this.prescriptions = prescriptions;
        this.medications = medications;
        this.checker = checker;
    }

    /** The prescription's medication against the patient's other active medications, most severe first. */
    @Transactional(readOnly = true)
    public List<Finding> of(PrescriptionView prescription) {
        MedicationView mine = medications.find(prescription.medication().id()).orElseThrow();
        return between(mine.ingredientRxcuis(), prescriptions.activeMedicationsOf(prescription.patientId(), prescription.id()));
    }

    /** A medication being considered (its ingredient RxCUIs) against medications already read, most severe first. */
    public List<Finding> between(Collection<String> candidateIngredients, List<PrescriptionRepository.ActiveMedication> active) {
        List<Finding> findings = new ArrayList<>();
        for (PrescriptionRepository.ActiveMedication other : active) {
            for (Interaction i : checker.between(candidateIngredients, other.ingredientRxcuis())) {
                findings.add(new Finding(other.id(), other.name(), i.severity(), i.description(), i.recommendation(),
                        i.source(), i.sourceText(), i.sourceLanguage(), i.first().name(), i.second().name()));
            }
        }
        findings.sort(Comparator.comparing(Finding::severity)); // Severity is declared most severe first
        return findings;
    }
}
