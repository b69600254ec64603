package com.ai2aim.rx.medications.internal.reference;

import com.ai2aim.rx.medications.Severity;

/**
 * The ANSM thesaurus's four levels and our English wording for them. CONTRE-INDICATION → contraindicated,
 * Association DÉCONSEILLÉE → major, Précaution d'emploi → moderate, À prendre en compte (also written "Il convient
 * de prendre en compte") → minor.
 */
final class AnsmLevels {

    private AnsmLevels() {}

    static Severity severity(String level) {
        String key = Names.key(level);
        if (key.startsWith("contre-indication")) return Severity.CONTRAINDICATED;
        if (key.startsWith("association deconseillee")) return Severity.MAJOR;
        if (key.startsWith("precaution d'emploi")) return Severity.MODERATE;
        if (key.contains("prendre en compte")) return Severity.MINOR;
        throw new IllegalArgumentException("unknown ANSM level: " + level);
    }

    static String english(Severity severity) {
        return switch (severity) {
            case CONTRAINDICATED -> "contraindicated (contre-indication)";
            case MAJOR -> "a combination to avoid (association déconseillée)";
            case MODERATE -> "a combination needing precautions (précaution d'emploi)";
            case MINOR -> "an interaction to take into account (à prendre en compte)";
        };
    }

    static String recommendation(Severity severity) {
        return switch (severity) {
            case CONTRAINDICATED -> "Do not combine.";
            case MAJOR -> "Avoid this combination unless the benefit clearly outweighs the risk; if used together, monitor closely.";
            case MODERATE -> "The combination is possible with precautions: adjust the dose and monitor as the source describes.";
            case MINOR -> "Take the interaction into account; no specific action is usually required.";
        };
    }
}
