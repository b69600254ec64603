package com.ai2aim.rx.prescriptions.internal.verification;

import java.util.Collection;

/** The outcome stored in {@code prescriptions.verification_status}. */
public enum Verdict {
    PASSED, NEEDS_REVIEW, FAILED;

    public String value() {
        return name().toLowerCase();
    }

    /** Failed on any hard stop, needs review on any warning, passed otherwise (info never holds a prescription up). */
    public static Verdict of(Collection<Finding> findings) {
        if (findings.stream().anyMatch(f -> f.severity() == FindingSeverity.HARD_STOP)) {
            return FAILED;
        }
        if (findings.stream().anyMatch(f -> f.severity() == FindingSeverity.WARNING)) {
            return NEEDS_REVIEW;
        }
        return PASSED;
    }
}
