package com.ai2aim.rx.medications.internal.reference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Builds the {@link IngredientDirectory} from the three ingredient sources and applies the corrections to the ANSM
 * French-substance → RxCUI mapping listed in {@code reference/ddi/ansm_rxnorm_corrections.tsv}.
 */
public final class IngredientSources {

    /** The ANSM mapping after corrections: substance name key → one RxCUI (unmapped substances are absent). */
    public record AnsmMapping(Map<String, String> rxcuiBySubstance, List<String> corrections) {}

    /** Where the MME CodeSystem's display names are misspelt. */
    private static final Map<String, String> MME_NAME_FIXES = Map.of("loverphanol", "levorphanol");
    private static final String CSV_SOURCE = "common_ingredient_rxcui.csv";
    private static final String MME_SOURCE = "cqframework CDC MME research conversion factors (2016-era)";

    private IngredientSources() {}

    public static IngredientDirectory directory(AnsmMapping ansm) {
        IngredientDirectory directory = new IngredientDirectory();
        Set<String> csvNames = new TreeSet<>();
        for (Map<String, String> row : ReferenceFiles.rows("rxnorm/common_ingredient_rxcui.csv")) {
            String factorText = row.get("cdc2022_mme_factor").strip();
            BigDecimal factor = leadingNumber(factorText);
            String note = factor == null ? (factorText.isEmpty() ? null : factorText)
                    : "CDC 2022" + (factorText.contains("(") ? " " + factorText.substring(factorText.indexOf('(')) : "");
            directory.addEnglish(row.get("ingredient"), row.get("rxcui_IN"), row.get("class"), factor, note, CSV_SOURCE);
            csvNames.add(Names.key(row.get("ingredient")));
        }
        for (JsonNode concept : ReferenceFiles.json("rxnorm/cqf-opioid-mme_CDCMMEResearchConversionFactors_2016era.json").path("concept")) {
            String name = RxNormDisplay.baseName(concept.path("display").asString());
            name = MME_NAME_FIXES.getOrDefault(name, name);
            BigDecimal factor = null;
            for (JsonNode property : concept.path("property")) {
                if ("conversion-factor".equals(property.path("code").asString())) {
                    factor = property.path("valueDecimal").decimalValue();
                }
            }
            if (csvNames.contains(name)) {
                // The CSV's CDC 2022 value, or its explicit exclusion (buprenorphine), stands. Only where the 2022
                // table has no row at all (meperidine) does the 2016-era research factor fill the gap, flagged.
                String rxcui = directory.resolve(name).orElseThrow();
                IngredientDirectory.Entry known = directory.entry(rxcui).orElseThrow();
                if (known.mmeFactor() == null && factor != null && known.mmeNote() != null && known.mmeNote().contains("not in 2022")) {
                    directory.setMme(rxcui, factor, "2016-era CDC research factor (not in the CDC 2022 table)");
                }
                continue;
            }
            directory.addEnglish(name, concept.path("code").asString(), "opioid", factor,
                    factor == null ? null : "2016-era CDC research factor (not in the CDC 2022 table)", MME_SOURCE);
        }
        ansm.rxcuiBySubstance().forEach((substance, rxcui) -> directory.addFrench(substance, rxcui));
        return directory;
    }

    public static AnsmMapping ansm() {
        Map<String, Set<String>> codes = new LinkedHashMap<>();
        for (Map<String, String> row : ReferenceFiles.rows("ddi/ansm_substance_to_rxnorm.tsv")) {
            String code = row.get("RxNorm").strip();
            Set<String> set = codes.computeIfAbsent(Names.key(row.get("substance")), k -> new TreeSet<>(Comparator.comparingLong(Long::parseLong)));
            if (!code.equals("NA") && !code.isEmpty()) {
                set.add(code);
            }
        }
        List<String> applied = new ArrayList<>();
        for (Map<String, String> row : ReferenceFiles.rows("ddi/ansm_rxnorm_corrections.tsv")) {
            String key = Names.key(row.get("substance"));
            Set<String> set = codes.get(key);
            if (set == null) {
                throw new IllegalStateException("correction for a substance the mapping does not list: " + key);
            }
            set.clear();
            if ("set".equals(row.get("action"))) {
                set.add(row.get("rxcui"));
            }
            applied.add(key + " -> " + ("set".equals(row.get("action")) ? row.get("rxcui") : "unmapped"));
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        codes.forEach((substance, set) -> {
            if (set.size() > 1) {
                throw new IllegalStateException("substance with several RxCUIs and no correction: " + substance);
            }
            if (set.size() == 1) {
                mapping.put(substance, set.iterator().next());
            }
        });
        return new AnsmMapping(mapping, applied);
    }

    static BigDecimal leadingNumber(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+(?:\\.\\d+)?)").matcher(text);
        return m.find() ? new BigDecimal(m.group(1)) : null;
    }
}
