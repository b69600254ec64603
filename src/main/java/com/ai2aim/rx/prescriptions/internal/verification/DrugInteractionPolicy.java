package com.ai2aim.rx.prescriptions.internal.verification;

import com.ai2aim.rx.medications.Interaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interactions between the product's ingredients and those of each other active prescription, from the knowledge
 * base behind {@link com.ai2aim.rx.medications.InteractionChecker}: contraindicated is a hard stop, major needs review,
 * moderate and minor are for information.
 */
public final class DrugInteractionPolicy implements VerificationPolicy {

    public static final String NAME = "drugInteractionPolicy";

    /** {@code InteractionChecker::between}; an interface so the policy is tested without the knowledge base. */
    @FunctionalInterface
    public interface Interactions {
        List<Interaction> between(Collection<String> candidateRxcuis, Collection<String> otherRxcuis);
    }

    private final Interactions interactions;

    public DrugInteractionPolicy(Interactions interactions) {
        this.interactions = interactions;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> apply(VerificationInput input) {
        List<String> mine = input.candidate().medication().ingredientRxcuis();
        List<Finding> findings = new ArrayList<>();
        if (mine.isEmpty()) {
            return findings;
        }
        for (Therapy other : input.others()) {
            for (Interaction i : interactions.between(mine, other.medication().ingredientRxcuis())) {
                findings.add(finding(other, i));
            }
        }
        return findings;
    }

    private static Finding finding(Therapy other, Interaction i) {
        FindingSeverity level = switch (i.severity()) {
            case CONTRAINDICATED -> FindingSeverity.HARD_STOP;
            case MAJOR -> FindingSeverity.WARNING;
            case MODERATE, MINOR -> FindingSeverity.INFO;
        };
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("otherPrescriptionId", String.valueOf(other.prescriptionId()));
        evidence.put("otherMedicationId", String.valueOf(other.medication().id()));
        evidence.put("ingredientRxcui", i.first().rxcui());
        evidence.put("interactingRxcui", i.second().rxcui());
        evidence.put("interactionSeverity", i.severity().value());
        String message = i.description() == null ? "Drug interaction with another active prescription."
                : "Interaction with another active prescription: " + i.description();
        return new Finding(NAME, level, "INTERACTION_" + i.severity().name(), message, evidence, i.source());
    }
}
