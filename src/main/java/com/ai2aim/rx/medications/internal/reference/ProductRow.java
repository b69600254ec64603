package com.ai2aim.rx.medications.internal.reference;

import java.math.BigDecimal;
import java.util.List;

/** A reference product ready to insert into {@code medications} (and its NDCs into {@code medication_ndcs}). */
public record ProductRow(String rxcui, String tty, String name, String brand, String strength, String doseForm,
                         String route, List<IngredientRow> ingredients, String therapeuticClass, List<String> valueSets,
                         Integer deaSchedule, BigDecimal mmeFactor, String mmeNote, String source, List<String> ndcs) {

    /** An ingredient of a product: base RxCUI and name, with the precise (salt) name and strength the label gives. */
    public record IngredientRow(String rxcui, String name, String preciseName, String strength) {}

    public ProductRow {
        ingredients = List.copyOf(ingredients);
        valueSets = List.copyOf(valueSets);
        ndcs = List.copyOf(ndcs);
    }

    public boolean hasIngredient(String baseName) {
        return ingredients.stream().anyMatch(i -> i.name().equals(baseName));
    }
}
