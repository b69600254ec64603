package com.ai2aim.rx.medications.internal.reference;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A clinical drug read from its RxNorm display name.
 *
 * @param tty SCD, SBD, GPCK or BPCK, judged from the name's shape (a brand in brackets, a pack in braces)
 */
public record ParsedDrug(String name, List<Component> components, String doseForm, String route, String brand,
                         String tty) {

    /** One active ingredient with its strength, e.g. "oxycodone hydrochloride" 5 MG (base name "oxycodone"). */
    public record Component(String preciseName, String baseName, java.math.BigDecimal strength, String unit) {
        public String strengthText() {
            return strength.stripTrailingZeros().toPlainString() + " " + unit;
        }
    }

    public ParsedDrug {
        components = List.copyOf(components);
    }

    public String strength() {
        return components.stream().map(Component::strengthText).collect(Collectors.joining(" / "));
    }
}
