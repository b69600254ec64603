package com.ai2aim.rx.prescriptions.internal.verification;

import com.ai2aim.rx.medications.Ingredient;
import com.ai2aim.rx.medications.MedicationView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The same ingredient already active in another prescription needs review (double dosing); the same therapeutic
 * class is noted for information, since combining two drugs of a class is sometimes intended.
 */
public final class DuplicateTherapyPolicy implements VerificationPolicy {

    public static final String NAME = "duplicateTherapyPolicy";
    static final String SOURCE = "Duplicate therapy screening (same ingredient or therapeutic class) against active prescriptions";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> apply(VerificationInput input) {
        MedicationView mine = input.candidate().medication();
        Set<String> myIngredients = keys(mine);
        String myClass = DrugClasses.normalised(mine.therapeuticClass());
        List<Finding> findings = new ArrayList<>();
        for (Therapy other : input.others()) {
            Set<String> shared = keys(other.medication());
            shared.retainAll(myIngredients);
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("otherPrescriptionId", String.valueOf(other.prescriptionId()));
            evidence.put("otherMedicationId", String.valueOf(other.medication().id()));
            if (!shared.isEmpty()) {
                evidence.put("sharedIngredientRxcuis", mine.ingredients().stream().map(Ingredient::rxcui)
                        .filter(Objects::nonNull).filter(r -> shared.contains("rxcui:" + r)).distinct().toList());
                findings.add(new Finding(NAME, FindingSeverity.WARNING, "DUPLICATE_INGREDIENT",
                        "An active prescription already contains the same ingredient.", evidence, SOURCE));
            } else if (!myClass.isEmpty() && myClass.equals(DrugClasses.normalised(other.medication().therapeuticClass()))) {
                evidence.put("therapeuticClass", myClass);
                findings.add(new Finding(NAME, FindingSeverity.INFO, "DUPLICATE_CLASS",
                        "An active prescription is in the same therapeutic class.", evidence, SOURCE));
            }
        }
        return findings;
    }

    /** An ingredient's RxCUI, or its lower-case name when the catalogue has no RxCUI for it. */
    private static Set<String> keys(MedicationView medication) {
        return medication.ingredients().stream()
                .map(i -> i.rxcui() != null ? "rxcui:" + i.rxcui() : "name:" + String.valueOf(i.name()).toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(java.util.HashSet::new));
    }
}
