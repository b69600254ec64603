package com.ai2aim.rx.prescriptions.internal.verification;

import com.ai2aim.rx.medications.Ingredient;
import com.ai2aim.rx.medications.MedicationView;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prescription's daily morphine milligram equivalents (CDC Clinical Practice Guideline for Prescribing Opioids for
 * Pain, MMWR Recomm Rep 2022;71(3):1-95, Table; factors from the catalogue's {@code mmeFactor}):
 * <pre>
 *   daily MME = strength (mg per unit) × quantity ÷ days supply × MME factor
 *   transdermal fentanyl: daily MME = strength (mcg/hr) × factor (2.4), since a patch delivers its rate all day
 * </pre>
 * The strength is the opioid component's ("325 MG / 5 MG" lists components in ingredient order). Empty when the
 * product has no factor or its strength is in a unit the formula does not cover (e.g. MG/ACTUAT).
 */
final class DailyMme {

    private static final Pattern COMPONENT = Pattern.compile("^\\s*([0-9]*\\.?[0-9]+)\\s*([A-Za-z]+(?:/[A-Za-z]+)?)\\s*$");

    private DailyMme() {}

    static Optional<BigDecimal> of(Therapy therapy) {
        MedicationView medication = therapy.medication();
        if (medication.mmeFactor() == null || medication.strength() == null || therapy.daysSupply() <= 0) {
            return Optional.empty();
        }
        Matcher m = COMPONENT.matcher(opioidComponent(medication));
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal strength = new BigDecimal(m.group(1));
        String unit = m.group(2).toUpperCase(Locale.ROOT);
        BigDecimal daily = switch (unit) {
            case "MG", "MG/ML" -> strength.multiply(therapy.quantity())
                    .divide(BigDecimal.valueOf(therapy.daysSupply()), MathContext.DECIMAL64).multiply(medication.mmeFactor());
            case "MCG/HR" -> strength.multiply(medication.mmeFactor());
            default -> null;
        };
        return Optional.ofNullable(daily).map(d -> d.setScale(2, RoundingMode.HALF_UP));
    }

    private static String opioidComponent(MedicationView medication) {
        String[] parts = medication.strength().split("/(?=\\s)|(?<=\\s)/");
        List<Ingredient> ingredients = medication.ingredients();
        if (parts.length == 1 || parts.length != ingredients.size()) {
            return parts[0];
        }
        for (int i = 0; i < parts.length; i++) {
            if (DrugClasses.isOpioidIngredient(ingredients.get(i))) {
                return parts[i];
            }
        }
        return parts[0];
    }
}
