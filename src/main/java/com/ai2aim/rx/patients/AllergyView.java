package com.ai2aim.rx.patients;

import java.util.UUID;

/**
 * A recorded allergy: a substance by name, an ingredient RxCUI, or a drug class (at least one is present).
 *
 * @param severity one of {@code mild}, {@code moderate}, {@code severe}, {@code life_threatening}, or null if unknown
 */
public record AllergyView(UUID id, String substance, String rxcui, String drugClass, String reaction, String severity) {}
