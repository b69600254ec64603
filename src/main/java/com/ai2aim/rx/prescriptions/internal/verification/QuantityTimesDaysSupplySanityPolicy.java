package com.ai2aim.rx.prescriptions.internal.verification;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Catches quantities and days supply that look like typing errors: more than 12 tablets or capsules a day, or more
 * than 90 days of a controlled substance. Neither is forbidden, so both only send the prescription to review.
 */
public final class QuantityTimesDaysSupplySanityPolicy implements VerificationPolicy {

    public static final String NAME = "quantityTimesDaysSupplySanityPolicy";
    static final String SOURCE = "Local dispensing sanity limits (oral solids: at most 12 units a day; controlled substances: "
            + "at most a 90-day supply, cf. 21 CFR 1306.12(b) multiple Schedule II prescriptions up to 90 days)";
    static final BigDecimal MAX_ORAL_SOLID_UNITS_PER_DAY = BigDecimal.valueOf(12);
    static final int MAX_CONTROLLED_DAYS_SUPPLY = 90;
    private static final Set<String> ORAL_SOLID_UNITS = Set.of("tablet", "capsule");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> apply(VerificationInput input) {
        Therapy rx = input.candidate();
        List<Finding> findings = new ArrayList<>();
        BigDecimal perDay = rx.quantity().divide(BigDecimal.valueOf(Math.max(1, rx.daysSupply())), MathContext.DECIMAL64)
                .setScale(2, RoundingMode.HALF_UP);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("quantity", rx.quantity());
        evidence.put("quantityUnit", rx.quantityUnit());
        evidence.put("daysSupply", rx.daysSupply());
        evidence.put("unitsPerDay", perDay);
        if (oralSolid(rx) && perDay.compareTo(MAX_ORAL_SOLID_UNITS_PER_DAY) > 0) {
            findings.add(new Finding(NAME, FindingSeverity.WARNING, "QUANTITY_PER_DAY_HIGH",
                    "More than 12 tablets or capsules a day.", evidence, SOURCE));
        }
        if (rx.medication().controlled() && rx.daysSupply() > MAX_CONTROLLED_DAYS_SUPPLY) {
            findings.add(new Finding(NAME, FindingSeverity.WARNING, "CONTROLLED_DAYS_SUPPLY_HIGH",
                    "More than a 90-day supply of a controlled substance.", evidence, SOURCE));
        }
        return findings;
    }

    private static boolean oralSolid(Therapy rx) {
        if (rx.quantityUnit() != null && ORAL_SOLID_UNITS.contains(rx.quantityUnit().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String form = rx.medication().doseForm() == null ? "" : rx.medication().doseForm().toLowerCase(Locale.ROOT);
        return rx.quantityUnit() == null && (form.contains("tablet") || form.contains("capsule"));
    }
}
