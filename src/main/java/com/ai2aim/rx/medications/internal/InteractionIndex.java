package com.ai2aim.rx.medications.internal;

import com.ai2aim.rx.medications.Ingredient;
import com.ai2aim.rx.medications.Interaction;
import com.ai2aim.rx.medications.Severity;
import com.ai2aim.rx.medications.internal.reference.InteractionBuilder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The expanded knowledge base in memory: for each ordered pair of ingredient RxCUIs (packed into one {@code long}),
 * the interactions between them, one per source (the most severe, then the most specific entry), most severe first.
 * Both orders are stored so an answer is already oriented "first = the ingredient asked about first". Immutable.
 */
public final class InteractionIndex {

    private static final Interaction[] NONE = new Interaction[0];
    private static final Comparator<Interaction> MOST_SEVERE_FIRST =
            Comparator.comparing(Interaction::severity).thenComparing(Interaction::source);

    private final Map<Long, Interaction[]> byPair;

    private InteractionIndex(Map<Long, Interaction[]> byPair) {
        this.byPair = byPair;
    }

    /** Builds the index from rules and the pairs they cover; {@code names} gives an ingredient's display name. */
    public static InteractionIndex build(Collection<InteractionBuilder.Rule> rules, Iterable<InteractionBuilder.Pair> pairs,
                                         Function<String, String> names) {
        Map<Integer, InteractionBuilder.Rule> rulesById = new HashMap<>();
        rules.forEach(r -> rulesById.put(r.id(), r));
        Map<Long, Map<String, InteractionBuilder.Rule>> best = new HashMap<>();
        for (InteractionBuilder.Pair pair : pairs) {
            Long key = key(pair.low(), pair.high());
            InteractionBuilder.Rule rule = rulesById.get(pair.ruleId());
            if (key == null || rule == null) {
                continue;
            }
            best.computeIfAbsent(key, k -> new HashMap<>(2)).merge(rule.source(), rule, InteractionIndex::better);
        }
        Map<Long, Interaction[]> byPair = new HashMap<>(best.size() * 3);
        Map<String, Ingredient> ingredients = new HashMap<>();
        best.forEach((key, bySource) -> {
            Ingredient low = ingredients.computeIfAbsent(Long.toString(key >>> 32), id -> new Ingredient(id, names.apply(id)));
            Ingredient high = ingredients.computeIfAbsent(Long.toString(key & 0xffffffffL), id -> new Ingredient(id, names.apply(id)));
            Interaction[] forward = bySource.values().stream().map(r -> interaction(low, high, r)).sorted(MOST_SEVERE_FIRST)
                    .toArray(Interaction[]::new);
            byPair.put(key, forward);
            byPair.put(key(high.rxcui(), low.rxcui()), java.util.Arrays.stream(forward).map(Interaction::reversed).toArray(Interaction[]::new));
        });
        return new InteractionIndex(byPair);
    }

    /** Interactions among all the given ingredients (each unordered pair once), most severe first. */
    public List<Interaction> among(Collection<String> rxcuis) {
        List<String> ids = distinct(rxcuis);
        List<Interaction> found = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                add(found, ids.get(i), ids.get(j));
            }
        }
        found.sort(MOST_SEVERE_FIRST);
        return found;
    }

    /** Interactions between each candidate and each other ingredient (first = the candidate's), most severe first. */
    public List<Interaction> between(Collection<String> candidates, Collection<String> others) {
        List<String> left = distinct(candidates);
        List<String> right = distinct(others);
        Set<Long> seen = new java.util.HashSet<>();
        List<Interaction> found = new ArrayList<>();
        for (String a : left) {
            for (String b : right) {
                Long forward = key(a, b);
                Long backward = key(b, a);
                if (forward != null && seen.add(forward) && seen.add(backward)) {
                    add(found, a, b);
                }
            }
        }
        found.sort(MOST_SEVERE_FIRST);
        return found;
    }

    public int pairCount() {
        return byPair.size() / 2;
    }

    private void add(List<Interaction> found, String a, String b) {
        Long key = key(a, b);
        if (key != null) {
            for (Interaction i : byPair.getOrDefault(key, NONE)) {
                found.add(i);
            }
        }
    }

    private static InteractionBuilder.Rule better(InteractionBuilder.Rule a, InteractionBuilder.Rule b) {
        if (a.severity() != b.severity()) {
            return a.severity().isMoreSevereThan(b.severity()) ? a : b;
        }
        if (a.specificity() != b.specificity()) {
            return a.specificity() > b.specificity() ? a : b;
        }
        return a.id() <= b.id() ? a : b;
    }

    private static Interaction interaction(Ingredient first, Ingredient second, InteractionBuilder.Rule r) {
        return new Interaction(first, second, r.severity(), r.description(), r.recommendation(), r.sourceText(),
                r.sourceLanguage(), r.source());
    }

    /** Two RxCUIs as one long (RxCUIs are positive integers below 2^31); null for anything else or the same ingredient. */
    static Long key(String a, String b) {
        long x = parse(a);
        long y = parse(b);
        if (x < 0 || y < 0 || x == y) {
            return null;
        }
        return (x << 32) | y;
    }

    private static long parse(String rxcui) {
        if (rxcui == null || rxcui.isEmpty() || rxcui.length() > 9) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < rxcui.length(); i++) {
            char c = rxcui.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static List<String> distinct(Collection<String> rxcuis) {
        if (rxcuis == null) {
            return List.of();
        }
        Set<String> set = new LinkedHashSet<>();
        for (String s : rxcuis) {
            if (s != null) {
                set.add(s.strip());
            }
        }
        return new ArrayList<>(set);
    }
}
