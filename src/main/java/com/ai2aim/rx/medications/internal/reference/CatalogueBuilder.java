package com.ai2aim.rx.medications.internal.reference;

import com.ai2aim.rx.medications.Ndc;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns the shipped RxNorm files into catalogue rows: the CDC opioid, benzodiazepine and naloxone value sets (each
 * code's display name parsed), the ingredient-level entries of common_ingredient_rxcui.csv, and the FHIR R4 example
 * products that carry an NDC. Pure: no database, so the catalogue's content is unit-tested directly.
 */
public final class CatalogueBuilder {

    /** What was built, and what was left out with the reason (for PROVENANCE.md and the tests). */
    public record Catalogue(List<ProductRow> products, List<String> skipped) {}

    private static final Map<String, String> VALUE_SETS = Map.of(
            "rxnorm/cdc-opioid-cds_opioid-analgesics-with-ambulatory-misuse-potential.json", "opioid",
            "rxnorm/cdc-opioid-cds_benzodiazepine-medications.json", "benzodiazepine",
            "rxnorm/cdc-opioid-cds_naloxone-medications.json", "naloxone");
    private static final String FENTANYL = "fentanyl";

    private final IngredientDirectory directory;
    private final List<String> skipped = new ArrayList<>();

    public CatalogueBuilder(IngredientDirectory directory) {
        this.directory = directory;
    }

    public Catalogue build() {
        List<ProductRow> products = new ArrayList<>(ingredientEntries());
        products.addAll(valueSetProducts());
        products.addAll(fhirExampleProducts());
        return new Catalogue(products, List.copyOf(skipped));
    }

    private List<ProductRow> ingredientEntries() {
        List<ProductRow> rows = new ArrayList<>();
        for (Map<String, String> row : ReferenceFiles.rows("rxnorm/common_ingredient_rxcui.csv")) {
            String name = row.get("ingredient");
            IngredientDirectory.Entry entry = directory.entry(row.get("rxcui_IN")).orElseThrow();
            // An ingredient-level fentanyl entry has no dose form, and CDC 2022 gives fentanyl a factor only for patches.
            boolean formDependent = FENTANYL.equals(name);
            rows.add(new ProductRow(entry.rxcui(), "IN", name, null, null, null, null,
                    List.of(new ProductRow.IngredientRow(entry.rxcui(), name, name, null)), row.get("class"), List.of(),
                    DeaSchedules.forIngredient(name), formDependent ? null : entry.mmeFactor(),
                    formDependent ? "CDC 2022: 2.4 per mcg/hr for transdermal fentanyl only" : entry.mmeNote(),
                    "rxnorm-ingredient", List.of()));
        }
        return rows;
    }

    private List<ProductRow> valueSetProducts() {
        Map<String, String> displays = new LinkedHashMap<>();
        Map<String, Set<String>> sets = new LinkedHashMap<>();
        VALUE_SETS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(vs -> {
            for (JsonNode code : ReferenceFiles.json(vs.getKey()).path("expansion").path("contains")) {
                String rxcui = code.path("code").asString();
                displays.putIfAbsent(rxcui, code.path("display").asString());
                sets.computeIfAbsent(rxcui, k -> new LinkedHashSet<>()).add(vs.getValue());
            }
        });
        List<ProductRow> rows = new ArrayList<>();
        displays.forEach((rxcui, display) -> {
            ParsedDrug drug = RxNormDisplay.parse(display);
            List<ProductRow.IngredientRow> ingredients = new ArrayList<>();
            for (ParsedDrug.Component c : drug.components()) {
                String ingredientRxcui = directory.resolve(c.baseName()).orElse(null);
                if (ingredientRxcui == null) {
                    noteUnmapped(c.baseName());
                } else {
                    classify(ingredientRxcui, c.baseName());
                }
                ingredients.add(new ProductRow.IngredientRow(ingredientRxcui, c.baseName(), c.preciseName(), c.strengthText()));
            }
            List<String> memberOf = List.copyOf(sets.get(rxcui));
            Mme mme = mme(ingredients, drug.route());
            rows.add(new ProductRow(rxcui, drug.tty(), drug.name(), drug.brand(), drug.strength(), drug.doseForm(),
                    drug.route(), ingredients, therapeuticClass(memberOf, ingredients), memberOf,
                    DeaSchedules.forProduct(drug.components()), mme.factor(), mme.note(), "rxnorm-cdc-value-set", List.of()));
        });
        return rows;
    }

    private List<ProductRow> fhirExampleProducts() {
        List<ProductRow> rows = new ArrayList<>();
        for (Map<String, String> row : ReferenceFiles.rows("rxnorm/fhir_r4_example_ndc_rxnorm.csv")) {
            String given = row.get("ndc_as_given").strip();
            if (given.isEmpty()) {
                skipped.add("FHIR example " + row.get("fhir_example_id") + ": no NDC (its RxNorm code is " + row.get("rxnorm_code") + ")");
                continue;
            }
            var ndc = Ndc.tryParse(given);
            if (ndc.isEmpty()) {
                skipped.add("FHIR example " + row.get("fhir_example_id") + ": malformed NDC " + given);
                continue;
            }
            List<ProductRow.IngredientRow> ingredients = new ArrayList<>();
            Integer schedule = null;
            for (String display : row.get("rxnorm_display").split("\\|")) {
                if (display.isBlank()) {
                    continue;
                }
                String base = RxNormDisplay.baseName(display.replaceAll("(?i)\\s+[\\d.]+\\s*mg\\b.*$", ""));
                ingredients.add(new ProductRow.IngredientRow(directory.resolve(base).orElse(null), base, display.strip(), null));
                Integer own = DeaSchedules.forIngredient(base);
                if (own != null && (schedule == null || own < schedule)) {
                    schedule = own;
                }
            }
            Mme mme = mme(ingredients, null);
            rows.add(new ProductRow(null, null, row.get("ndc_display"), null, null, null, null, ingredients,
                    therapeuticClass(List.of(), ingredients), List.of(), schedule, mme.factor(), mme.note(),
                    "fhir-r4-example", List.of(ndc.get().value())));
        }
        return rows;
    }

    private record Mme(BigDecimal factor, String note) {}

    /** The factor of the product's opioid; transdermal only for fentanyl, none where CDC 2022 excludes or omits one. */
    private Mme mme(List<ProductRow.IngredientRow> ingredients, String route) {
        for (ProductRow.IngredientRow i : ingredients) {
            if (!DeaSchedules.OPIOIDS.contains(i.name())) {
                continue;
            }
            if (FENTANYL.equals(i.name()) && !"transdermal".equals(route)) {
                return new Mme(null, "CDC 2022 gives no factor for transmucosal fentanyl");
            }
            var entry = i.rxcui() == null ? java.util.Optional.<IngredientDirectory.Entry>empty() : directory.entry(i.rxcui());
            if (entry.isPresent() && entry.get().mmeFactor() != null) {
                String note = entry.get().mmeNote();
                return new Mme(entry.get().mmeFactor(), FENTANYL.equals(i.name()) ? "CDC 2022, per mcg/hr" : note);
            }
            return new Mme(null, entry.map(IngredientDirectory.Entry::mmeNote).orElse("no factor in the CDC sources"));
        }
        return new Mme(null, null);
    }

    private static String therapeuticClass(List<String> sets, List<ProductRow.IngredientRow> ingredients) {
        boolean buprenorphine = ingredients.stream().anyMatch(i -> i.name().equals("buprenorphine"));
        boolean opioid = sets.contains("opioid") || ingredients.stream().anyMatch(i -> DeaSchedules.OPIOIDS.contains(i.name()));
        if (opioid) {
            return buprenorphine ? "opioid partial agonist" : "opioid analgesic";
        }
        if (sets.contains("benzodiazepine")) {
            return "benzodiazepine";
        }
        return sets.contains("naloxone") ? "opioid antagonist" : null;
    }

    private void classify(String rxcui, String baseName) {
        if (DeaSchedules.BENZODIAZEPINES.contains(baseName)) {
            directory.classify(rxcui, "benzodiazepine");
        } else if (DeaSchedules.OPIOIDS.contains(baseName)) {
            directory.classify(rxcui, "opioid");
        }
    }

    private void noteUnmapped(String baseName) {
        String note = "ingredient '" + baseName + "': no RxCUI in the shipped sources; stored without one";
        if (!skipped.contains(note)) {
            skipped.add(note);
        }
    }
}
