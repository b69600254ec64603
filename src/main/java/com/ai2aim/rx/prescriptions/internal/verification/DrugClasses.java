package com.ai2aim.rx.prescriptions.internal.verification;

import com.ai2aim.rx.medications.Ingredient;
import com.ai2aim.rx.medications.MedicationView;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a product is an opioid or a benzodiazepine. The catalogue derives {@code therapeuticClass} from the CDC
 * opioid and benzodiazepine value sets ({@code medications.value_sets}, which {@link MedicationView} does not carry),
 * so the class is the primary signal; the ingredient RxCUIs of {@code reference/rxnorm/common_ingredient_rxcui.csv}
 * catch local products whose class was left blank.
 */
final class DrugClasses {

    /** Opioid ingredients of common_ingredient_rxcui.csv (class "opioid"), naloxone excluded. */
    static final Set<String> OPIOID_INGREDIENTS = Set.of("1819", "2670", "3423", "4337", "5489", "6754", "6813",
            "7052", "7804", "7814", "10689", "787390");
    /** Benzodiazepine ingredients of common_ingredient_rxcui.csv: alprazolam, clonazepam, diazepam, lorazepam. */
    static final Set<String> BENZODIAZEPINE_INGREDIENTS = Set.of("596", "2598", "3322", "6470");

    private DrugClasses() {}

    static boolean isOpioid(MedicationView medication) {
        String cls = normalised(medication.therapeuticClass());
        if (cls.contains("antagonist")) {
            return false;
        }
        return cls.startsWith("opioid") || isOpioidIngredient(medication);
    }

    static boolean isOpioidIngredient(MedicationView medication) {
        return medication.ingredients().stream().anyMatch(DrugClasses::isOpioidIngredient);
    }

    static boolean isOpioidIngredient(Ingredient ingredient) {
        return ingredient.rxcui() != null && OPIOID_INGREDIENTS.contains(ingredient.rxcui());
    }

    static boolean isBenzodiazepine(MedicationView medication) {
        return normalised(medication.therapeuticClass()).contains("benzodiazepine")
                || medication.ingredients().stream().anyMatch(DrugClasses::isBenzodiazepineIngredient);
    }

    /** An ingredient without an RxCUI (catalogue rows may lack one) is of neither class; Set.of rejects null. */
    private static boolean isBenzodiazepineIngredient(Ingredient ingredient) {
        return ingredient.rxcui() != null && BENZODIAZEPINE_INGREDIENTS.contains(ingredient.rxcui());
    }

    /** Lower case, trimmed, without a trailing " class" or plural "s", so "Penicillins" and "penicillin class" agree. */
    static String normalised(String drugClass) {
        if (drugClass == null) {
            return "";
        }
        String s = drugClass.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (s.endsWith(" class")) {
            s = s.substring(0, s.length() - " class".length());
        }
        return s.endsWith("s") && s.length() > 3 ? s.substring(0, s.length() - 1) : s;
    }
}
