package com.ai2aim.rx.prescriptions.internal.verification;

import com.ai2aim.rx.medications.Ingredient;
import com.ai2aim.rx.patients.AllergyView;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Drug classes whose members cross-react: an allergy to the class, or to any one member, counts against every member.
 * Source: Khan DA et al., "Drug allergy: a 2022 practice parameter update", J Allergy Clin Immunol 2022;150(6):
 * 1333-1393 (AAAAI/ACAAI). Deliberately small: penicillins (shared beta-lactam ring and side chains) and sulfonamide
 * antibiotics. Non-antibiotic sulfonamides (furosemide, hydrochlorothiazide, celecoxib) are left out because the
 * practice parameter finds no cross-reactivity with sulfonamide antibiotics; cephalosporins are left out because
 * the risk with penicillin allergy is low (about 1-2%) and depends on side chains, which this table cannot judge.
 * Members match by ingredient name, and by RxCUI where one is given (RxCUIs to be verified against NLM RxNav).
 */
final class CrossSensitivities {

    record Group(String name, Set<String> aliases, Map<String, String> membersByName) {

        boolean hasMember(Ingredient ingredient) {
            return ingredient.rxcui() != null && membersByName.containsValue(ingredient.rxcui())
                    || ingredient.name() != null && membersByName.containsKey(ingredient.name().toLowerCase(Locale.ROOT));
        }
    }

    static final String SOURCE = "Khan DA et al. Drug allergy: a 2022 practice parameter update. "
            + "J Allergy Clin Immunol 2022;150(6):1333-1393";

    static final List<Group> GROUPS = List.of(
            new Group("penicillin", Set.of("penicillin", "penicillin antibiotic", "aminopenicillin"), Map.of(
                    "amoxicillin", "723", "ampicillin", "733", "penicillin g", "7980", "penicillin v", "7984",
                    "dicloxacillin", "3356", "nafcillin", "7233", "oxacillin", "7773", "piperacillin", "8339")),
            new Group("sulfonamide antibiotic", Set.of("sulfonamide antibiotic", "sulfa antibiotic", "sulfa drug",
                    "sulfonamide", "sulfa"), Map.of("sulfamethoxazole", "10180", "sulfadiazine", "10171",
                    "sulfisoxazole", "10207")));

    private CrossSensitivities() {}

    /** The group an allergy names: by its class or substance text, or because its RxCUI or substance is a member. */
    static Optional<Group> groupOf(AllergyView allergy) {
        for (Group group : GROUPS) {
            if (group.aliases().contains(DrugClasses.normalised(allergy.drugClass()))
                    || group.aliases().contains(DrugClasses.normalised(allergy.substance()))
                    || group.hasMember(new Ingredient(allergy.rxcui(), allergy.substance()))) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }
}
