package com.ai2aim.rx.prescriptions.internal.verification;

import com.ai2aim.rx.prescriptions.internal.ControlledSubstanceRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-checks the federal controlled-substance facts that {@link ControlledSubstanceRules} enforces when a prescription
 * is written, against the catalogue's current schedule (a product can be rescheduled after the prescription was
 * written): Schedule I has no accepted medical use; Schedule II may not be refilled; Schedule III–V allow at most
 * five refills within six months of writing (21 CFR 1306.12, 1306.22). An expired prescription is a hard stop too.
 */
public final class ControlledSubstanceRulesPolicy implements VerificationPolicy {

    public static final String NAME = "controlledSubstanceRulesPolicy";
    static final String SOURCE = "21 CFR 1306.12 (Schedule II refills) and 1306.22 (Schedule III-V refills)";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> apply(VerificationInput input) {
        Therapy rx = input.candidate();
        Integer schedule = rx.medication().deaSchedule();
        List<Finding> findings = new ArrayList<>();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("deaSchedule", schedule);
        evidence.put("refillsAuthorized", rx.refillsAuthorized());
        evidence.put("writtenDate", String.valueOf(rx.writtenDate()));
        evidence.put("expiresOn", String.valueOf(rx.expiresOn()));
        if (rx.expiresOn() != null && input.today().isAfter(rx.expiresOn())) {
            findings.add(hardStop("RX_EXPIRED", "The prescription has expired.", evidence));
        }
        if (schedule == null) {
            return findings;
        }
        if (schedule == 1) {
            findings.add(hardStop("CS_SCHEDULE_I", "Schedule I substances cannot be prescribed.", evidence));
        } else if (schedule == 2 && rx.refillsAuthorized() > 0) {
            findings.add(hardStop("CS_SCHEDULE_II_REFILLS", "Schedule II prescriptions cannot be refilled.", evidence));
        } else if (schedule >= 3 && rx.refillsAuthorized() > ControlledSubstanceRules.MAX_REFILLS_III_TO_V) {
            findings.add(hardStop("CS_REFILL_LIMIT", "Schedule III-V prescriptions allow at most 5 refills.", evidence));
        }
        if (schedule >= 3 && rx.writtenDate() != null && rx.expiresOn() != null
                && rx.expiresOn().isAfter(rx.writtenDate().plus(ControlledSubstanceRules.CONTROLLED_VALIDITY))) {
            findings.add(hardStop("CS_VALIDITY", "Schedule III-V prescriptions expire six months after writing.", evidence));
        }
        return findings;
    }

    private static Finding hardStop(String code, String message, Map<String, Object> evidence) {
        return new Finding(NAME, FindingSeverity.HARD_STOP, code, message, evidence, SOURCE);
    }
}
