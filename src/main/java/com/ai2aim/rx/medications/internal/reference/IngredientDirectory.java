package com.ai2aim.rx.medications.internal.reference;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every ingredient the reference sources name, keyed by RxCUI, and the way from a name (English as in RxNorm, or the
 * ANSM thesaurus's French) to that RxCUI. English names win over French ones; later sources never overwrite a
 * RxCUI an earlier, better source gave (common_ingredient_rxcui.csv first, then the MME CodeSystem, then the corrected
 * ANSM mapping).
 */
public final class IngredientDirectory {

    /** An ingredient concept as stored in {@code medication_ingredients}. */
    public record Entry(String rxcui, String name, String language, String therapeuticClass, BigDecimal mmeFactor,
                        String mmeNote, String source) {
        Entry withEnglishName(String english) {
            return new Entry(rxcui, english, "en", therapeuticClass, mmeFactor, mmeNote, source);
        }

        Entry withClass(String therapeuticClassName) {
            return new Entry(rxcui, name, language, therapeuticClassName, mmeFactor, mmeNote, source);
        }
    }

    /** English names that the French thesaurus spells differently (beyond accents and a final "e"). */
    static final Map<String, String> FRENCH_NAMES = Map.ofEntries(
            Map.entry("acetaminophen", "paracetamol"), Map.entry("aspirin", "acide acetylsalicylique"),
            Map.entry("meperidine", "pethidine"), Map.entry("propoxyphene", "dextropropoxyphene"),
            Map.entry("caffeine", "cafeine"), Map.entry("dextroamphetamine", "dexamfetamine"),
            Map.entry("methamphetamine", "metamfetamine"), Map.entry("ergonovine", "ergometrine"),
            Map.entry("methylergonovine", "methylergometrine"), Map.entry("rifampin", "rifampicine"),
            Map.entry("kaolin", "kaolin lourd"), Map.entry("vitamin e", "alpha-tocopherol"),
            Map.entry("cyanocobalamin", "cyanocobalamine"), Map.entry("niacin", "acide nicotinique"),
            Map.entry("folic acid", "acide folique"), Map.entry("thioguanine", "tioguanine"), Map.entry("iron", "fer"),
            Map.entry("st john's wort", "millepertuis"), Map.entry("methylene blue", "bleu de methylene"),
            Map.entry("doxepin", "doxepine"), Map.entry("lovastatin", "lovastatine"),
            // The ONC high-priority CSV misspells moclobemide.
            Map.entry("moclobamide", "moclobemide"));

    private final Map<String, Entry> byRxcui = new LinkedHashMap<>();
    private final Map<String, String> englishNames = new HashMap<>();
    private final Map<String, String> frenchNames = new HashMap<>();

    /** Adds an ingredient from an English-language source unless its RxCUI is already known. */
    public void addEnglish(String name, String rxcui, String therapeuticClass, BigDecimal mme, String mmeNote, String source) {
        englishNames.putIfAbsent(Names.key(name), rxcui);
        Entry known = byRxcui.get(rxcui);
        if (known == null) {
            byRxcui.put(rxcui, new Entry(rxcui, name, "en", therapeuticClass, mme, mmeNote, source));
        } else if (!"en".equals(known.language())) {
            byRxcui.put(rxcui, known.withEnglishName(name));
        }
    }

    /** Adds an ANSM substance (already corrected) as a French name for its RxCUI. */
    public void addFrench(String name, String rxcui) {
        frenchNames.putIfAbsent(Names.key(name), rxcui);
        byRxcui.putIfAbsent(rxcui, new Entry(rxcui, name, "fr", null, null, null, "ANSM substance mapping (corrected)"));
    }

    /**
     * The RxCUI of an ingredient named in English (RxNorm, ONC). A name found only through the French mapping becomes
     * that ingredient's English name, so interactions and products show "rifampin" rather than "rifampicine".
     */
    public Optional<String> resolve(String englishName) {
        String key = Names.key(englishName);
        String found = englishNames.get(key);
        if (found == null) {
            found = french(key);
            if (found != null) {
                addEnglish(key, found, null, null, null, "name resolved through the ANSM mapping");
            }
        }
        return Optional.ofNullable(found);
    }

    public Optional<Entry> entry(String rxcui) {
        return Optional.ofNullable(byRxcui.get(rxcui));
    }

    public void classify(String rxcui, String therapeuticClass) {
        Entry e = byRxcui.get(rxcui);
        if (e != null && e.therapeuticClass() == null) {
            byRxcui.put(rxcui, e.withClass(therapeuticClass));
        }
    }

    public void setMme(String rxcui, BigDecimal factor, String note) {
        Entry e = byRxcui.get(rxcui);
        byRxcui.put(rxcui, new Entry(e.rxcui(), e.name(), e.language(), e.therapeuticClass(), factor, note, e.source()));
    }

    public Collection<Entry> entries() {
        return byRxcui.values();
    }

    private String french(String key) {
        String found = frenchNames.get(key);
        if (found == null) {
            found = frenchNames.get(key + "e");
        }
        if (found == null && FRENCH_NAMES.containsKey(key)) {
            found = frenchNames.get(FRENCH_NAMES.get(key));
        }
        return found;
    }
}
