package com.ai2aim.rx.prescriptions.internal;

import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ErrorCode;
import com.ai2aim.rx.prescriptions.PrescriptionStatus;
import java.time.LocalDate;

/**
 * The prescription state machine as named rules. Each method checks a move and returns the state after it, or
 * refuses with INVALID_STATE_TRANSITION; none of them changes anything, so a refused move changes nothing.
 */
final class Lifecycle {

    private Lifecycle() {}

    static PrescriptionStatus approve(PrescriptionStatus from) {
        require(from == PrescriptionStatus.PENDING, from, "approve", "only a pending prescription can be approved");
        return PrescriptionStatus.APPROVED;
    }

    static PrescriptionStatus reject(PrescriptionStatus from) {
        require(from == PrescriptionStatus.PENDING, from, "reject", "only a pending prescription can be rejected");
        return PrescriptionStatus.REJECTED;
    }

    static PrescriptionStatus cancel(PrescriptionStatus from) {
        require(from == PrescriptionStatus.PENDING || from == PrescriptionStatus.APPROVED, from, "cancel",
                "a prescription can be cancelled only before it is filled");
        return PrescriptionStatus.CANCELLED;
    }

    /** The first fill follows approval; a refill follows a dispense while refills remain and it has not expired. */
    static PrescriptionStatus fill(PrescriptionStatus from, int refillsRemaining, LocalDate expiresOn, LocalDate today) {
        if (!from.isFinal() && expiresOn != null && today.isAfter(expiresOn)) {
            throw refused(from, "fill", "the prescription expired on " + expiresOn);
        }
        if (from == PrescriptionStatus.APPROVED) {
            return PrescriptionStatus.FILLED;
        }
        require(from == PrescriptionStatus.DISPENSED, from, "fill", "only an approved or dispensed prescription can be filled");
        require(refillsRemaining > 0, from, "fill", "no refills remain");
        return PrescriptionStatus.FILLED;
    }

    static PrescriptionStatus dispense(PrescriptionStatus from) {
        require(from == PrescriptionStatus.FILLED, from, "dispense", "only a filled prescription can be dispensed");
        return PrescriptionStatus.DISPENSED;
    }

    static void requireEditable(PrescriptionStatus from) {
        require(from == PrescriptionStatus.PENDING, from, "update", "only a pending prescription can be changed");
    }

    private static void require(boolean allowed, PrescriptionStatus from, String move, String why) {
        if (!allowed) {
            throw refused(from, move, why);
        }
    }

    private static ApiException refused(PrescriptionStatus from, String move, String why) {
        return new ApiException(ErrorCode.INVALID_STATE_TRANSITION,
                "Cannot " + move + " a " + from.value() + " prescription: " + why);
    }
}
