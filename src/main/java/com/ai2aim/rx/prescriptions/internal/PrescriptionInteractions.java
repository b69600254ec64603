package com.ai2aim.rx.prescriptions.internal;

import com.ai2aim.rx.medications.Ingredient;
import com.ai2aim.rx.medications.Interaction;
import com.ai2aim.rx.medications.InteractionChecker;
import com.ai2aim.rx.medications.MedicationView;
import com.ai2aim.rx.medications.Medications;
import com.ai2aim.rx.prescriptions.PrescriptionView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Which interactions a prescription's medication has with the patient's other active medications. */
@Component
class PrescriptionInteractions {

    /** One finding: the other medication involved and the knowledge-base entry. */
    record Finding(UUID medicationId, String medication, String severity, String description, String recommendation,
                   String source, String sourceText, String sourceLanguage, String ingredient, String interactingIngredient) {}

    private final PrescriptionRepository prescriptions;
    private final Medications medications;
    private final InteractionChecker checker;

    PrescriptionInteractions(PrescriptionRepository prescriptions, Medications medications, InteractionChecker checker) {
        this.prescriptions = prescriptions;
        this.medications = medications;
        this.checker = checker;
    }

    @Transactional(readOnly = true)
    public List<Finding> of(PrescriptionView prescription) {
        MedicationView mine = medications.find(prescription.medication().id()).orElseThrow();
        List<String> myIngredients = mine.ingredients().stream().map(Ingredient::rxcui).toList();
        List<Finding> findings = new ArrayList<>();
        for (UUID otherId : prescriptions.activeMedicationsOf(prescription.patientId(), prescription.id())) {
            MedicationView other = medications.find(otherId).orElse(null);
            if (other == null) {
                continue;
            }
            List<String> theirIngredients = other.ingredients().stream().map(Ingredient::rxcui).toList();
            for (Interaction i : checker.between(myIngredients, theirIngredients)) {
                findings.add(new Finding(other.id(), other.name(), i.severity().name().toLowerCase(), i.description(),
                        i.recommendation(), i.source(), i.sourceText(), i.sourceLanguage(), i.first().name(), i.second().name()));
            }
        }
        findings.sort(Comparator.comparing(f -> rank(f.severity())));
        return findings;
    }

    private static int rank(String severity) {
        return switch (severity) {
            case "contraindicated" -> 0;
            case "major" -> 1;
            case "moderate" -> 2;
            default -> 3;
        };
    }
}
