package com.ai2aim.rx.medications;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** How bad an interaction is, most severe first (the declaration order is the sort order). Serialised lower case. */
public enum Severity {
    CONTRAINDICATED, MAJOR, MODERATE, MINOR;

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static Severity parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown severity"));
    }

    public boolean isMoreSevereThan(Severity other) {
        return ordinal() < other.ordinal();
    }
}
