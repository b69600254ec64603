package com.ai2aim.rx.documents.internal.extract;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides the document type by weighted keyword scores. Each type's cues are phrases its documents print and the
 * others rarely do; the client's type hint counts as one strong cue, so a clear document still wins over a wrong
 * hint. Scores are counts, not probabilities: {@link Result#certainty} is the winner's share of all scores.
 */
final class Classifier {

    record Result(String type, double certainty) {}

    private static final Map<String, Map<Pattern, Integer>> CUES = new LinkedHashMap<>();

    static {
        CUES.put("lab_result", cues(Map.of("laboratory", 3, "reference range", 4, "specimen", 2, "date of collection", 3,
                "collected", 1, "result", 1, "mg/dl", 1, "g/dl", 1, "mmol/l", 1, "units", 1)));
        CUES.put("referral", cues(Map.of("referral", 4, "reason for referral", 4, "refer", 1, "urgency", 3,
                "please see", 1, "specialist", 1)));
        CUES.put("prescription", cues(Map.of("rx", 3, "sig", 3, "refills", 3, "qty", 2, "dispense", 2,
                "prescriber", 2, "dea", 1, "substitution", 1)));
        CUES.put("letter", cues(Map.of("dear", 3, "sincerely", 3, "yours", 2, "re", 1, "thank you", 1,
                "kind regards", 2, "i saw", 2, "follow-up", 1)));
    }

    private Classifier() {}

    static Result classify(String text, String hint) {
        String lower = text.toLowerCase(Locale.ROOT);
        Map<String, Integer> scores = new LinkedHashMap<>();
        CUES.forEach((type, cues) -> {
            int score = 0;
            for (Map.Entry<Pattern, Integer> cue : cues.entrySet()) {
                Matcher m = cue.getKey().matcher(lower);
                int hits = 0;
                while (m.find() && hits < 3) {
                    hits++;
                }
                score += hits * cue.getValue();
            }
            scores.put(type, score + (type.equals(hint) ? 4 : 0));
        });
        String best = "unknown";
        int bestScore = 0;
        int total = 0;
        for (Map.Entry<String, Integer> e : scores.entrySet()) {
            total += e.getValue();
            if (e.getValue() > bestScore) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        return bestScore < 3 ? new Result("unknown", 0) : new Result(best, (double) bestScore / total);
    }

    private static Map<Pattern, Integer> cues(Map<String, Integer> words) {
        Map<Pattern, Integer> cues = new LinkedHashMap<>();
        words.forEach((w, weight) -> cues.put(Pattern.compile("\\b" + Pattern.quote(w) + "\\b"), weight));
        return cues;
    }
}
