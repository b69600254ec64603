package com.ai2aim.rx.platform.security;

import java.util.Arrays;
import java.util.Optional;

/** What a person (or the service itself) may do. Stored and sent in lower case, as in {@code app_metadata.rx_role}. */
public enum Role {
    ADMIN, PHARMACIST, TECHNICIAN, PHYSICIAN, PATIENT, SERVICE;

    public String value() {
        return name().toLowerCase();
    }

    public boolean isStaff() {
        return this == PHARMACIST || this == TECHNICIAN || this == PHYSICIAN;
    }

    public static Optional<Role> parse(String value) {
        return Arrays.stream(values()).filter(r -> r.value().equals(value)).findFirst();
    }

    /** Roles a person can hold; {@link #SERVICE} is only for the service's own work. */
    public static Optional<Role> parseHuman(String value) {
        return parse(value).filter(r -> r != SERVICE);
    }
}
