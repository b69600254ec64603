package com.ai2aim.rx.prescriptions.internal.verification;

import static com.ai2aim.rx.prescriptions.internal.verification.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.medications.Ingredient;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateTherapyPolicyTests {

    final DuplicateTherapyPolicy policy = new DuplicateTherapyPolicy();

    @Test
    void sameIngredientAlreadyActiveIsAWarning() {
        var combo = product("325 MG / 5 MG", "Oral Tablet", "opioid analgesic", 2, "1.5", ACETAMINOPHEN, OXYCODONE);
        Therapy other = therapy(oxycodone5(), "30", 30);
        assertThat(policy.apply(input(therapy(combo, "30", 30), other))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(FindingSeverity.WARNING);
            assertThat(f.code()).isEqualTo("DUPLICATE_INGREDIENT");
            assertThat(f.evidence()).containsEntry("sharedIngredientRxcuis", List.of("7804"))
                    .containsEntry("otherPrescriptionId", other.prescriptionId().toString());
        });
    }

    @Test
    void sameTherapeuticClassIsInformation() {
        assertThat(policy.apply(input(therapy(plain("Statin", SIMVASTATIN), "30", 30), therapy(plain("statins", ATORVASTATIN), "30", 30))))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(FindingSeverity.INFO);
                    assertThat(f.code()).isEqualTo("DUPLICATE_CLASS");
                });
    }

    @Test
    void ingredientsWithoutRxcuiMatchByName() {
        var local = plain(null, new Ingredient(null, "Magic Herb"));
        var again = plain(null, new Ingredient(null, "magic herb"));
        assertThat(policy.apply(input(therapy(local, "30", 30), therapy(again, "30", 30))))
                .extracting(Finding::code).containsExactly("DUPLICATE_INGREDIENT");
    }

    @Test
    void unrelatedTherapyOrNoClassGivesNothing() {
        assertThat(policy.apply(input(therapy(plain("statin", SIMVASTATIN), "30", 30), therapy(amoxicillin(), "21", 7)))).isEmpty();
        assertThat(policy.apply(input(therapy(plain(null, SIMVASTATIN), "30", 30), therapy(plain(null, ATORVASTATIN), "30", 30)))).isEmpty();
    }
}
