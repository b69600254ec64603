package com.ai2aim.rx.medications;

/**
 * An active ingredient: its RxNorm ingredient-level RxCUI (TTY IN) and its name. The RxCUI is null when none of the
 * shipped sources gives one (see {@code reference/PROVENANCE.md}); the name is English where a source gives an English
 * name, otherwise the ANSM thesaurus's French substance name.
 */
public record Ingredient(String rxcui, String name) {}
