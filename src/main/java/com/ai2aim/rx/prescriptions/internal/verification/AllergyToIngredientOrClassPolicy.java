package com.ai2aim.rx.prescriptions.internal.verification;

import com.ai2aim.rx.medications.Ingredient;
import com.ai2aim.rx.medications.MedicationView;
import com.ai2aim.rx.patients.AllergyView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An allergy to one of the product's ingredients (by RxCUI or ingredient name), to its therapeutic class, or to a
 * class that cross-reacts with one of its ingredients ({@link CrossSensitivities}). A severe or life-threatening
 * allergy is a hard stop; any other (including unknown severity) needs a pharmacist's review.
 */
public final class AllergyToIngredientOrClassPolicy implements VerificationPolicy {

    public static final String NAME = "allergyToIngredientOrClassPolicy";
    static final String SOURCE = "Patient allergy list; cross-sensitivities: " + CrossSensitivities.SOURCE;
    private static final Set<String> HARD_STOP_SEVERITIES = Set.of("severe", "life_threatening");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> apply(VerificationInput input) {
        MedicationView medication = input.candidate().medication();
        List<Finding> findings = new ArrayList<>();
        for (AllergyView allergy : input.patient().allergies()) {
            match(allergy, medication).ifPresent(match -> findings.add(finding(allergy, match)));
        }
        return findings;
    }

    private record Match(String code, String message, String matchedBy, List<String> ingredientRxcuis, String group) {}

    private static Optional<Match> match(AllergyView allergy, MedicationView medication) {
        List<Ingredient> named = medication.ingredients().stream().filter(i -> sameIngredient(allergy, i)).toList();
        if (!named.isEmpty()) {
            return Optional.of(new Match("ALLERGY_INGREDIENT", "The patient has a recorded allergy to an ingredient of this product.",
                    allergy.rxcui() != null ? "rxcui" : "ingredient name", rxcuis(named), null));
        }
        String allergyClass = DrugClasses.normalised(allergy.drugClass());
        if (!allergyClass.isEmpty() && allergyClass.equals(DrugClasses.normalised(medication.therapeuticClass()))) {
            return Optional.of(new Match("ALLERGY_CLASS", "The patient has a recorded allergy to this product's drug class.",
                    "drug class", medication.ingredientRxcuis(), null));
        }
        return CrossSensitivities.groupOf(allergy).flatMap(group -> {
            List<Ingredient> members = medication.ingredients().stream().filter(group::hasMember).toList();
            return members.isEmpty() ? Optional.empty() : Optional.of(new Match("ALLERGY_CROSS_SENSITIVITY",
                    "The patient has a recorded allergy to a class that cross-reacts with an ingredient of this product.",
                    "cross-sensitivity", rxcuis(members), group.name()));
        });
    }

    private static boolean sameIngredient(AllergyView allergy, Ingredient ingredient) {
        if (allergy.rxcui() != null && allergy.rxcui().equals(ingredient.rxcui())) {
            return true;
        }
        return allergy.substance() != null && ingredient.name() != null
                && allergy.substance().strip().toLowerCase(Locale.ROOT).equals(ingredient.name().toLowerCase(Locale.ROOT));
    }

    private static List<String> rxcuis(List<Ingredient> ingredients) {
        return ingredients.stream().map(Ingredient::rxcui).filter(java.util.Objects::nonNull).distinct().toList();
    }

    private static Finding finding(AllergyView allergy, Match match) {
        String severity = allergy.severity() == null ? "unknown" : allergy.severity();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("allergyId", String.valueOf(allergy.id()));
        evidence.put("allergySeverity", severity);
        evidence.put("matchedBy", match.matchedBy());
        evidence.put("ingredientRxcuis", match.ingredientRxcuis());
        if (match.group() != null) {
            evidence.put("crossSensitivityGroup", match.group());
        }
        FindingSeverity level = HARD_STOP_SEVERITIES.contains(severity) ? FindingSeverity.HARD_STOP : FindingSeverity.WARNING;
        return new Finding(NAME, level, match.code(), match.message(), evidence, SOURCE);
    }
}
