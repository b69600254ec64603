package com.ai2aim.rx.medications.internal.reference;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Federal DEA schedules for the catalogue, as a rule table over ingredient names.
 *
 * <p>The table states the well-known federal placements (21 CFR 1308.11–1308.15); it is not a copy of any file, and
 * state schedules (which can be stricter) are not modelled. A product takes the most restrictive schedule of its
 * ingredients, except codeine and dihydrocodeine, whose schedule depends on whether they are combined with a
 * non-narcotic active ingredient and how much of them a dosage unit (or 100 mL) holds:
 * <ul>
 *   <li>alone: Schedule II;</li>
 *   <li>combined, solid dose ≤ 90 mg per dosage unit: Schedule III (1308.13(e));</li>
 *   <li>combined, liquid ≤ 200 mg codeine or ≤ 100 mg dihydrocodeine per 100 mL: Schedule V (1308.15(c)),
 *       otherwise up to 1.8 g / 100 mL: Schedule III.</li>
 * </ul>
 * The CFR limits refer to the base; we compare the labelled salt amount, which can only place a product in a
 * stricter schedule, never a laxer one.
 */
public final class DeaSchedules {

    private static final Map<String, Integer> BY_INGREDIENT = Map.ofEntries(
            // Schedule I: no accepted medical use in the US (appear in the CDC value sets from other markets).
            Map.entry("heroin", 1), Map.entry("dextromoramide", 1), Map.entry("dipipanone", 1), Map.entry("pholcodine", 1),
            // Schedule II opioids.
            Map.entry("oxycodone", 2), Map.entry("hydrocodone", 2), Map.entry("benzhydrocodone", 2), Map.entry("morphine", 2),
            Map.entry("fentanyl", 2), Map.entry("sufentanil", 2), Map.entry("methadone", 2), Map.entry("levomethadyl", 2),
            Map.entry("hydromorphone", 2), Map.entry("oxymorphone", 2), Map.entry("tapentadol", 2), Map.entry("meperidine", 2),
            Map.entry("levorphanol", 2), Map.entry("opium", 2), Map.entry("codeine", 2), Map.entry("dihydrocodeine", 2),
            // Schedule III.
            // Butalbital: the acetaminophen/caffeine combinations are exempted federally; not modelled, so stricter.
            Map.entry("buprenorphine", 3), Map.entry("butalbital", 3),
            // Schedule IV: opioids of lower potential, muscle relaxant, Z-drug and every benzodiazepine.
            Map.entry("tramadol", 4), Map.entry("pentazocine", 4), Map.entry("butorphanol", 4), Map.entry("propoxyphene", 4),
            Map.entry("carisoprodol", 4), Map.entry("zolpidem", 4),
            Map.entry("alprazolam", 4), Map.entry("bromazepam", 4), Map.entry("chlordiazepoxide", 4), Map.entry("clobazam", 4),
            Map.entry("clonazepam", 4), Map.entry("clorazepate", 4), Map.entry("diazepam", 4), Map.entry("estazolam", 4),
            Map.entry("flunitrazepam", 4), Map.entry("flurazepam", 4), Map.entry("halazepam", 4), Map.entry("lorazepam", 4),
            Map.entry("lormetazepam", 4), Map.entry("midazolam", 4), Map.entry("nitrazepam", 4), Map.entry("oxazepam", 4),
            Map.entry("prazepam", 4), Map.entry("quazepam", 4), Map.entry("temazepam", 4), Map.entry("triazolam", 4),
            Map.entry("remimazolam", 4));

    /** Opioid receptor agonists and partial agonists in the catalogue (for the therapeutic class and MME). */
    public static final Set<String> OPIOIDS = Set.of("heroin", "dextromoramide", "dipipanone", "pholcodine", "oxycodone",
            "hydrocodone", "benzhydrocodone", "morphine", "fentanyl", "sufentanil", "methadone", "levomethadyl",
            "hydromorphone", "oxymorphone", "tapentadol", "meperidine", "levorphanol", "opium", "codeine", "dihydrocodeine",
            "buprenorphine", "tramadol", "pentazocine", "butorphanol", "propoxyphene", "meptazinol");

    public static final Set<String> BENZODIAZEPINES = Set.of("alprazolam", "bromazepam", "chlordiazepoxide", "clobazam",
            "clonazepam", "clorazepate", "diazepam", "estazolam", "flunitrazepam", "flurazepam", "halazepam", "lorazepam",
            "lormetazepam", "midazolam", "nitrazepam", "oxazepam", "prazepam", "quazepam", "temazepam", "triazolam",
            "remimazolam");

    /** Narcotics whose combination products are scheduled by amount (see the class comment). */
    private static final Set<String> AMOUNT_SCHEDULED = Set.of("codeine", "dihydrocodeine");
    private static final BigDecimal NINETY_MG = new BigDecimal("90");
    private static final BigDecimal EIGHTEEN_MG_PER_ML = new BigDecimal("18");

    private DeaSchedules() {}

    /** The schedule of one ingredient on its own, or null when it is not federally controlled. */
    public static Integer forIngredient(String baseName) {
        return baseName == null ? null : BY_INGREDIENT.get(baseName.toLowerCase(java.util.Locale.ROOT).strip());
    }

    /** The schedule of a product, or null when none of its ingredients is controlled. */
    public static Integer forProduct(Collection<ParsedDrug.Component> components) {
        Integer schedule = null;
        boolean combination = components.stream().map(ParsedDrug.Component::baseName).distinct().count() > 1;
        for (ParsedDrug.Component c : components) {
            Integer own = forIngredient(c.baseName());
            if (own != null && combination && AMOUNT_SCHEDULED.contains(c.baseName())) {
                own = combinationSchedule(c);
            }
            if (own != null && (schedule == null || own < schedule)) {
                schedule = own;
            }
        }
        return schedule;
    }

    private static int combinationSchedule(ParsedDrug.Component c) {
        if ("MG/ML".equals(c.unit())) {
            BigDecimal vLimit = "codeine".equals(c.baseName()) ? new BigDecimal("2") : BigDecimal.ONE;
            if (c.strength().compareTo(vLimit) <= 0) {
                return 5;
            }
            return c.strength().compareTo(EIGHTEEN_MG_PER_ML) <= 0 ? 3 : 2;
        }
        if ("MG".equals(c.unit())) {
            return c.strength().compareTo(NINETY_MG) <= 0 ? 3 : 2;
        }
        return 2;
    }
}
