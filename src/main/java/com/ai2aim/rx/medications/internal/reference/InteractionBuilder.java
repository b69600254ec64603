package com.ai2aim.rx.medications.internal.reference;

import com.ai2aim.rx.medications.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Builds the interaction knowledge base from the ANSM thesaurus (with its class index and the corrected RxNorm
 * mapping) and the two ONC lists: one rule per source entry, each side expanded to the ingredient RxCUIs it covers,
 * and every pair of ingredients a rule covers. Pure: no database.
 */
public final class InteractionBuilder {

    public static final String ANSM = "ANSM Thésaurus des interactions médicamenteuses (October 2020)";
    public static final String ONC_HIGH = "ONC high-priority DDI list (Phansalkar et al., JAMIA 2012;19:735-743)";
    public static final String ONC_NON_INTERRUPTIVE = "ONC non-interruptive DDI list (Phansalkar et al., JAMIA 2013;20:489-493)";

    /** One source entry. Sides are keys into {@link KnowledgeBase#sides()}. */
    public record Rule(int id, String source, String sourceRef, String leftSide, String rightSide, Severity severity,
                       int specificity, String description, String recommendation, String sourceText, String sourceLanguage) {}

    /** Two ingredients a rule covers, {@code low < high} as strings. */
    public record Pair(String low, String high, int ruleId) {}

    public record KnowledgeBase(List<Rule> rules, Map<String, Set<String>> sides, List<Pair> pairs, List<String> skipped) {}

    private final IngredientDirectory directory;
    private final Map<String, String> ansmRxcui;
    private final Map<String, Set<String>> ansmClasses = new LinkedHashMap<>();
    private final Map<String, Set<String>> sides = new LinkedHashMap<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    public InteractionBuilder(IngredientDirectory directory, IngredientSources.AnsmMapping ansm) {
        this.directory = directory;
        this.ansmRxcui = ansm.rxcuiBySubstance();
        for (JsonNode entry : ReferenceFiles.json("ddi/ansm_index_substances_2020-10.json")) {
            String substance = Names.key(entry.path("substance").asString());
            for (JsonNode cls : entry.path("drug_classes")) {
                ansmClasses.computeIfAbsent(Names.key(cls.asString()), k -> new TreeSet<>()).add(substance);
            }
        }
    }

    public KnowledgeBase build() {
        ansmRules();
        oncRules("ddi/onc_high_priority_ddi_classes.csv", ONC_HIGH, Severity.MAJOR);
        oncRules("ddi/onc_noninterruptive_ddi_classes.csv", ONC_NON_INTERRUPTIVE, Severity.MINOR);
        return new KnowledgeBase(List.copyOf(rules), sides, pairs(), List.copyOf(skipped));
    }

    private void ansmRules() {
        int index = 0;
        for (JsonNode entry : ReferenceFiles.json("ddi/ansm_thesaurus_2020-10.json")) {
            index++;
            String main = entry.path("main_drug").asString();
            String plus = entry.path("plus_drug").asString();
            String left = ansmSide(main);
            String right = ansmSide(plus);
            if (left == null || right == null) {
                skipped.add("ANSM entry " + index + " (" + main + " + " + plus + "): a side names no mapped ingredient");
                continue;
            }
            Severity severity = null;
            int levels = 0;
            for (JsonNode level : entry.path("severity_levels")) {
                Severity s = AnsmLevels.severity(level.path("level").asString());
                severity = severity == null || s.isMoreSevereThan(severity) ? s : severity;
                levels++;
            }
            if (severity == null) {
                skipped.add("ANSM entry " + index + ": no severity level");
                continue;
            }
            // An entry with several levels applies its strictest one only to the products its text names (e.g.
            // "sedatives + other sedatives" is a contra-indication only with sodium oxybate). Expanded to every
            // ingredient pair, it would turn each of them into a hard stop; cap it at "major" so it is reviewed, and
            // say why in the description.
            boolean conditional = levels > 1 && severity == Severity.CONTRAINDICATED;
            if (conditional) {
                severity = Severity.MAJOR;
            }
            int specificity = (isClass(main) ? 0 : 1) + (isClass(plus) ? 0 : 1);
            String mechanism = entry.path("interaction_mechanism").asString().strip();
            String text = entry.path("description").asString().strip();
            rules.add(new Rule(rules.size() + 1, ANSM, "entry " + index, left, right, severity, specificity,
                    "The ANSM thesaurus lists " + main + " with " + plus + " as " + AnsmLevels.english(severity) + "."
                            + (conditional ? " It is a contra-indication only in the situations the source text names." : ""),
                    AnsmLevels.recommendation(severity) + (mechanism.isEmpty() ? "" : " Mechanism (French source text): " + oneLine(mechanism)),
                    text.isEmpty() ? mechanism : text, "fr"));
        }
    }

    private String ansmSide(String name) {
        String key = Names.key(name);
        String sideKey = "ansm:" + key;
        if (sides.containsKey(sideKey)) {
            return sides.get(sideKey).isEmpty() ? null : sideKey;
        }
        Set<String> members = new TreeSet<>();
        if (ansmRxcui.containsKey(key)) {
            members.add(ansmRxcui.get(key));
        }
        for (String substance : ansmClasses.getOrDefault(key, Set.of())) {
            if (ansmRxcui.containsKey(substance)) {
                members.add(ansmRxcui.get(substance));
            }
        }
        sides.put(sideKey, members);
        return members.isEmpty() ? null : sideKey;
    }

    private boolean isClass(String name) {
        return ansmClasses.containsKey(Names.key(name));
    }

    private void oncRules(String path, String source, Severity severity) {
        Map<String, List<Map<String, String>>> curated = new LinkedHashMap<>();
        for (Map<String, String> m : ReferenceFiles.rows("ddi/onc_class_members.csv")) {
            curated.computeIfAbsent(m.get("list") + ":" + m.get("id") + ":" + m.get("side"), k -> new ArrayList<>()).add(m);
        }
        for (Map<String, String> row : ReferenceFiles.rows(path)) {
            String id = row.get("list") + ":" + row.get("id");
            String left = oncSide(id, "object", row.get("object_examples"), curated);
            String right = oncSide(id, "precipitant", row.get("precipitant_examples"), curated);
            if (left == null || right == null) {
                skipped.add("ONC " + id + ": a side names no mapped ingredient");
                continue;
            }
            boolean high = severity == Severity.MAJOR;
            String text = row.get("object_class") + " + " + row.get("precipitant_class") + " (" + row.get("intended_alerting") + ")";
            rules.add(new Rule(rules.size() + 1, source, id, left, right, severity, 0,
                    (high ? "ONC high-priority interaction (always interrupt): " : "ONC non-interruptive interaction (inform only): ")
                            + row.get("object_class") + " with " + row.get("precipitant_class") + ".",
                    high ? "Always alert: avoid this combination; if it cannot be avoided, use the lowest effective doses and monitor closely."
                         : "Inform only, without interrupting: usually manageable with routine monitoring or dose timing.",
                    text, "en"));
        }
    }

    /** A side of an ONC pair: the paper's example drugs (high-priority list) plus our curated class mapping. */
    private String oncSide(String id, String side, String examples, Map<String, List<Map<String, String>>> curated) {
        Set<String> members = new TreeSet<>();
        if (examples != null && !examples.isBlank() && !examples.contains("(class)")) {
            for (String name : examples.split(";")) {
                directory.resolve(name.strip()).ifPresentOrElse(members::add,
                        () -> skipped.add("ONC " + id + " " + side + ": '" + name.strip() + "' has no RxCUI in the shipped sources"));
            }
        }
        for (Map<String, String> m : curated.getOrDefault(id + ":" + side, List.of())) {
            if ("ansm_class".equals(m.get("kind"))) {
                Set<String> substances = ansmClasses.get(Names.key(m.get("member")));
                if (substances == null) {
                    throw new IllegalStateException("onc_class_members.csv names an unknown ANSM class: " + m.get("member"));
                }
                substances.stream().map(ansmRxcui::get).filter(java.util.Objects::nonNull).forEach(members::add);
            } else {
                directory.resolve(m.get("member")).ifPresentOrElse(members::add,
                        () -> skipped.add("ONC " + id + " " + side + ": '" + m.get("member") + "' has no RxCUI in the shipped sources"));
            }
        }
        String key = "onc:" + id + ":" + side;
        sides.put(key, members);
        return members.isEmpty() ? null : key;
    }

    private List<Pair> pairs() {
        Set<Pair> pairs = new LinkedHashSet<>();
        for (Rule rule : rules) {
            for (String a : sides.get(rule.leftSide())) {
                for (String b : sides.get(rule.rightSide())) {
                    int order = a.compareTo(b);
                    if (order != 0) {
                        pairs.add(order < 0 ? new Pair(a, b, rule.id()) : new Pair(b, a, rule.id()));
                    }
                }
            }
        }
        return List.copyOf(pairs);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
