package com.ai2aim.rx.patients;

import java.util.UUID;

/** A recorded condition: an ICD-10-CM code (upper case, as entered with or without its dot) and optional text. */
public record ConditionView(UUID id, String icd10Code, String text) {}
