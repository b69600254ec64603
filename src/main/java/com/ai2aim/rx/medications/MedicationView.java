package com.ai2aim.rx.medications;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A catalogue product as other modules see it.
 *
 * @param rxcui        the product's RxCUI (SCD/SBD/GPCK/BPCK, or IN for ingredient-level entries); may be null for a
 *                     local product or an NDC-only example product
 * @param deaSchedule  federal DEA schedule 1–5, null when not controlled
 * @param mmeFactor    the CDC 2022 morphine-milligram-equivalent factor of the product's opioid, per mg of the labelled
 *                     strength (per mcg/hr for transdermal fentanyl); null for non-opioids and where CDC gives none
 *                     (buprenorphine, transmucosal fentanyl)
 * @param ndcs         NDCs normalised to 11 digits (5-4-2, no hyphens)
 * @param orgId        the owning organisation of a local product; null for reference products
 */
public record MedicationView(UUID id, String rxcui, String name, String strength, String doseForm, String route,
                             List<Ingredient> ingredients, String therapeuticClass, Integer deaSchedule,
                             BigDecimal mmeFactor, List<String> ndcs, boolean active, UUID orgId) {

    public MedicationView {
        ingredients = ingredients == null ? List.of() : List.copyOf(ingredients);
        ndcs = ndcs == null ? List.of() : List.copyOf(ndcs);
    }

    public boolean controlled() {
        return deaSchedule != null;
    }

    /** The ingredient RxCUIs, for {@link InteractionChecker}. */
    public List<String> ingredientRxcuis() {
        return ingredients.stream().map(Ingredient::rxcui).filter(java.util.Objects::nonNull).distinct().toList();
    }
}
