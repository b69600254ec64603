package com.ai2aim.rx.prescriptions.internal.verification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** How much a finding weighs: a hard stop fails verification, a warning sends it to review, info only informs. */
public enum FindingSeverity {
    HARD_STOP, WARNING, INFO;

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static FindingSeverity parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown finding severity"));
    }
}
