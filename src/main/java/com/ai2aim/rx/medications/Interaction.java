package com.ai2aim.rx.medications;

/**
 * One drug–drug interaction between two ingredients, from one source.
 *
 * @param first          the ingredient asked about first (for {@link InteractionChecker#between}, the candidate's)
 * @param description    what the source says interacts, in English
 * @param recommendation what to do, in English (a fixed text per source level, plus the mechanism where there is one)
 * @param sourceText     the source's own words, in {@code sourceLanguage} ("fr" for the ANSM thesaurus, "en" for ONC)
 * @param source         the source named, e.g. "ANSM Thésaurus des interactions médicamenteuses (2020-10)"
 */
public record Interaction(Ingredient first, Ingredient second, Severity severity, String description,
                          String recommendation, String sourceText, String sourceLanguage, String source) {

    /** The same interaction seen from the other ingredient. */
    public Interaction reversed() {
        return new Interaction(second, first, severity, description, recommendation, sourceText, sourceLanguage, source);
    }
}
