package com.ai2aim.rx.prescriptions.internal;

import com.ai2aim.rx.platform.web.ApiException;
import java.time.LocalDate;
import java.time.Period;

/**
 * Federal rules for controlled substances as they bear on writing a prescription:
 * Schedule II may not be refilled; Schedule III–V allow at most five refills and expire six months after writing;
 * everything else expires after the configured period. A controlled prescription needs a prescriber with a DEA number.
 * The constants are public so that verification ({@code verification.ControlledSubstanceRulesPolicy}) checks the same facts.
 */
public final class ControlledSubstanceRules {

    public static final int MAX_REFILLS_III_TO_V = 5;
    public static final Period CONTROLLED_VALIDITY = Period.ofMonths(6);

    private final Period defaultValidity;

    ControlledSubstanceRules(Period defaultValidity) {
        this.defaultValidity = defaultValidity;
    }

    void checkRefills(Integer deaSchedule, int refillsAuthorized) {
        if (deaSchedule != null && deaSchedule == 2 && refillsAuthorized > 0) {
            throw ApiException.invalid("refillsAuthorized", "Schedule II prescriptions cannot be refilled");
        }
        if (deaSchedule != null && deaSchedule >= 3 && refillsAuthorized > MAX_REFILLS_III_TO_V) {
            throw ApiException.invalid("refillsAuthorized", "Schedule III-V prescriptions allow at most 5 refills");
        }
    }

    void checkPrescriber(Integer deaSchedule, String prescriberDeaNumber) {
        if (deaSchedule != null && (prescriberDeaNumber == null || prescriberDeaNumber.isBlank())) {
            throw ApiException.invalid("prescriberId", "a controlled substance needs a prescriber with a DEA number");
        }
    }

    /** The expiry date: six months for Schedule III–V, the configured period otherwise; never later than asked. */
    LocalDate expiry(Integer deaSchedule, LocalDate written, LocalDate requested) {
        Period validity = deaSchedule != null && deaSchedule >= 3 ? CONTROLLED_VALIDITY : defaultValidity;
        LocalDate latest = written.plus(validity);
        if (requested == null) {
            return latest;
        }
        if (requested.isBefore(written)) {
            throw ApiException.invalid("expiresOn", "must not be before the written date");
        }
        return requested.isAfter(latest) ? latest : requested;
    }
}
