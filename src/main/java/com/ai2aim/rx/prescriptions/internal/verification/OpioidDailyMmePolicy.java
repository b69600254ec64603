package com.ai2aim.rx.prescriptions.internal.verification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The patient's total daily MME (this opioid plus every other active opioid, see {@link DailyMme}) against the CDC
 * 2022 thresholds: at or above 50 MME/day a warning, at or above 90 a strong warning (code {@code MME_90}). The
 * guideline asks clinicians to reassess benefit and risk at 50 and to avoid or carefully justify 90 or more.
 */
public final class OpioidDailyMmePolicy implements VerificationPolicy {

    public static final String NAME = "opioidDailyMmePolicy";
    static final String SOURCE = "CDC Clinical Practice Guideline for Prescribing Opioids for Pain, MMWR Recomm Rep 2022;71(3):1-95";
    static final BigDecimal REVIEW_AT = BigDecimal.valueOf(50);
    static final BigDecimal STRONG_AT = BigDecimal.valueOf(90);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> apply(VerificationInput input) {
        Therapy candidate = input.candidate();
        if (!DrugClasses.isOpioid(candidate.medication())) {
            return List.of();
        }
        Optional<BigDecimal> own = DailyMme.of(candidate);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("medicationId", String.valueOf(candidate.medication().id()));
        if (own.isEmpty()) {
            return List.of(new Finding(NAME, FindingSeverity.INFO, "MME_NOT_COMPUTED",
                    "Daily MME could not be computed for this product (no CDC factor or an unsupported strength unit).",
                    evidence, SOURCE));
        }
        BigDecimal total = own.get();
        List<String> counted = new ArrayList<>();
        List<String> uncounted = new ArrayList<>();
        for (Therapy other : input.others()) {
            if (DrugClasses.isOpioid(other.medication())) {
                Optional<BigDecimal> theirs = DailyMme.of(other);
                theirs.ifPresentOrElse(x -> counted.add(String.valueOf(other.prescriptionId())),
                        () -> uncounted.add(String.valueOf(other.prescriptionId())));
                total = total.add(theirs.orElse(BigDecimal.ZERO));
            }
        }
        evidence.put("prescriptionDailyMme", own.get());
        evidence.put("totalDailyMme", total);
        evidence.put("otherOpioidPrescriptionIds", counted);
        if (!uncounted.isEmpty()) {
            evidence.put("opioidPrescriptionIdsWithoutMme", uncounted);
        }
        if (total.compareTo(STRONG_AT) >= 0) {
            return List.of(new Finding(NAME, FindingSeverity.WARNING, "MME_90",
                    "Total daily opioid dose is 90 MME or more; avoid or carefully justify.", evidence, SOURCE));
        }
        if (total.compareTo(REVIEW_AT) >= 0) {
            return List.of(new Finding(NAME, FindingSeverity.WARNING, "MME_50",
                    "Total daily opioid dose is 50 MME or more; reassess benefits and risks.", evidence, SOURCE));
        }
        return List.of();
    }
}
