package com.ai2aim.rx.prescriptions;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle: pending → approved → filled → dispensed; a dispensed prescription is filled again while refills
 * remain and it has not expired. Cancelled, rejected and expired are ends.
 */
public enum PrescriptionStatus {
    PENDING, APPROVED, FILLED, DISPENSED, CANCELLED, REJECTED, EXPIRED;

    private static final Set<PrescriptionStatus> FINAL = EnumSet.of(CANCELLED, REJECTED, EXPIRED);

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    public String value() {
        return name().toLowerCase();
    }

    public static PrescriptionStatus of(String value) {
        return valueOf(value.toUpperCase());
    }
}
