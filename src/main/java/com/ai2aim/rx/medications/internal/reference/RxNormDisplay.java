package com.ai2aim.rx.medications.internal.reference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RxNorm clinical-drug names ("acetaminophen 325 MG / oxycodone hydrochloride 5 MG Oral Tablet [Percocet]",
 * "{2 (fentanyl 0.6 MG/ACTUAT Mucosal Spray) } Pack") into ingredients, strengths, dose form, route and brand. The
 * grammar is RxNorm's normalised naming: optional qualifiers and quantity, components "name strength UNIT" joined by
 * " / ", then the dose form, then an optional [brand].
 */
public final class RxNormDisplay {

    /** Salt and preparation words that RxNorm's precise-ingredient names add to the ingredient's own name. */
    static final Set<String> SALT_WORDS = Set.of("hydrochloride", "hcl", "sulfate", "phosphate", "bitartrate", "tartrate",
            "dipotassium", "napsylate", "bromide", "terephthalate", "tincture", "acetate", "sodium", "citrate", "maleate",
            "mesylate", "besylate", "succinate", "fumarate", "potassium", "calcium");

    private static final Pattern BRAND = Pattern.compile("^(.*?)\\s*\\[([^\\]]+)]$");
    private static final Pattern PACK = Pattern.compile("^\\{(.*)}\\s*Pack(?:\\s*\\[([^\\]]+)])?$");
    private static final Pattern PACK_ITEM = Pattern.compile("\\(([^()]*(?:\\[[^\\]]*])?[^()]*)\\)\\s*$");
    private static final Pattern QUALIFIER = Pattern.compile("^(?:Abuse-Deterrent|Matrix Delivery|\\d+(?:\\.\\d+)? HR|\\d+(?:\\.\\d+)? (?:ML|ACTUAT))\\s+");
    private static final Pattern COMPONENT = Pattern.compile("^([a-z][a-z0-9 ,'\\-]*?) (\\d+(?:\\.\\d+)?) ([A-Z]+(?:/[A-Z]+)?)$");
    private static final Pattern LAST_COMPONENT = Pattern.compile("^([a-z][a-z0-9 ,'\\-]*?) (\\d+(?:\\.\\d+)?) ([A-Z]+(?:/[A-Z]+)?) ([A-Z].*)$");

    private RxNormDisplay() {}

    /** Parses a display name; throws {@link IllegalArgumentException} when it does not follow RxNorm's grammar. */
    public static ParsedDrug parse(String display) {
        if (display == null || display.isBlank()) {
            throw new IllegalArgumentException("empty display name");
        }
        String text = display.strip();
        Matcher pack = PACK.matcher(text);
        if (pack.matches()) {
            Matcher item = PACK_ITEM.matcher(pack.group(1).strip());
            if (!item.find()) {
                throw new IllegalArgumentException("pack without a clinical drug: " + display);
            }
            ParsedDrug inner = parse(item.group(1));
            String brand = pack.group(2) != null ? pack.group(2) : inner.brand();
            return new ParsedDrug(text, inner.components(), inner.doseForm(), inner.route(), brand,
                    brand == null ? "GPCK" : "BPCK");
        }
        String brand = null;
        Matcher branded = BRAND.matcher(text);
        if (branded.matches()) {
            text = branded.group(1);
            brand = branded.group(2).strip();
        }
        for (Matcher q = QUALIFIER.matcher(text); q.find(); q = QUALIFIER.matcher(text)) {
            text = text.substring(q.end());
        }
        String[] parts = text.split(" / ");
        List<ParsedDrug.Component> components = new ArrayList<>();
        for (int i = 0; i < parts.length - 1; i++) {
            Matcher m = COMPONENT.matcher(parts[i].strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("unreadable component in: " + display);
            }
            components.add(component(m.group(1), m.group(2), m.group(3)));
        }
        Matcher last = LAST_COMPONENT.matcher(parts[parts.length - 1].strip());
        if (!last.matches()) {
            throw new IllegalArgumentException("unreadable strength or dose form in: " + display);
        }
        components.add(component(last.group(1), last.group(2), last.group(3)));
        String doseForm = last.group(4).strip();
        return new ParsedDrug(display.strip(), components, doseForm, route(doseForm), brand, brand == null ? "SCD" : "SBD");
    }

    /** The ingredient's own name: the precise name without salt words ("codeine phosphate" → "codeine"). */
    public static String baseName(String preciseName) {
        List<String> words = new ArrayList<>();
        for (String w : preciseName.toLowerCase(Locale.ROOT).strip().split("\\s+")) {
            if (!SALT_WORDS.contains(w)) {
                words.add(w);
            }
        }
        return words.isEmpty() ? preciseName.toLowerCase(Locale.ROOT).strip() : String.join(" ", words);
    }

    /** The route a dose form implies; null when the form does not say. */
    public static String route(String doseForm) {
        if (doseForm == null) {
            return null;
        }
        String f = doseForm.toLowerCase(Locale.ROOT);
        if (f.contains("transdermal")) return "transdermal";
        if (f.contains("sublingual")) return "sublingual";
        if (f.contains("buccal")) return "buccal";
        if (f.contains("nasal")) return "nasal";
        if (f.contains("mucosal")) return "oromucosal";
        if (f.contains("rectal") || f.contains("enema")) return "rectal";
        if (f.contains("inject") || f.contains("syringe") || f.contains("cartridge")) return "injection";
        if (f.contains("implant")) return "subdermal";
        if (f.contains("topical")) return "topical";
        if (f.contains("oral") || f.contains("lozenge")) return "oral";
        return null;
    }

    private static ParsedDrug.Component component(String name, String strength, String unit) {
        String precise = name.strip();
        return new ParsedDrug.Component(precise, baseName(precise), new BigDecimal(strength), unit);
    }
}
