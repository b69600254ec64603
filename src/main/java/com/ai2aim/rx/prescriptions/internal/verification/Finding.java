package com.ai2aim.rx.prescriptions.internal.verification;

import java.util.Map;
import java.util.Objects;

/**
 * One thing a policy noticed about a prescription.
 *
 * @param policy   the policy's name, e.g. {@code drugInteractionPolicy}
 * @param code     a stable code clients can switch on, e.g. {@code MME_90}
 * @param message  a short English sentence with no patient data
 * @param evidence ids, RxCUIs and numbers that back the finding; never names or other PHI
 * @param source   where the rule comes from
 */
public record Finding(String policy, FindingSeverity severity, String code, String message, Map<String, Object> evidence,
                      String source) {

    public Finding {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
    }
}
