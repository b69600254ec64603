package com.ai2aim.rx.prescriptions.internal.verification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An opioid together with an active benzodiazepine (or the reverse) needs review: the combination raises the risk
 * of fatal respiratory depression, and CDC 2022 (recommendation 11) asks for particular caution.
 */
public final class OpioidBenzodiazepineOverlapPolicy implements VerificationPolicy {

    public static final String NAME = "opioidBenzodiazepineOverlapPolicy";
    static final String SOURCE = "CDC Clinical Practice Guideline for Prescribing Opioids for Pain, MMWR Recomm Rep 2022;71(3):1-95, "
            + "recommendation 11; FDA boxed warning (2016)";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> apply(VerificationInput input) {
        boolean opioid = DrugClasses.isOpioid(input.candidate().medication());
        boolean benzodiazepine = DrugClasses.isBenzodiazepine(input.candidate().medication());
        List<String> overlapping = new ArrayList<>();
        for (Therapy other : input.others()) {
            if (opioid && DrugClasses.isBenzodiazepine(other.medication())
                    || benzodiazepine && DrugClasses.isOpioid(other.medication())) {
                overlapping.add(String.valueOf(other.prescriptionId()));
            }
        }
        if (overlapping.isEmpty()) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("medicationId", String.valueOf(input.candidate().medication().id()));
        evidence.put("candidateClass", opioid ? "opioid" : "benzodiazepine");
        evidence.put("overlappingPrescriptionIds", overlapping);
        return List.of(new Finding(NAME, FindingSeverity.WARNING, "OPIOID_BENZODIAZEPINE",
                "An opioid and a benzodiazepine would be active at the same time.", evidence, SOURCE));
    }
}
