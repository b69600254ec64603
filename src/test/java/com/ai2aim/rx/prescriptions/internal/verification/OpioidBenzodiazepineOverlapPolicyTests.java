package com.ai2aim.rx.prescriptions.internal.verification;

import static com.ai2aim.rx.prescriptions.internal.verification.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpioidBenzodiazepineOverlapPolicyTests {

    final OpioidBenzodiazepineOverlapPolicy policy = new OpioidBenzodiazepineOverlapPolicy();

    @Test
    void opioidWithAnActiveBenzodiazepineNeedsReview() {
        Therapy benzo = therapy(alprazolam(), "30", 30);
        assertThat(policy.apply(input(therapy(oxycodone5(), "20", 5), benzo))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(FindingSeverity.WARNING);
            assertThat(f.code()).isEqualTo("OPIOID_BENZODIAZEPINE");
            assertThat(f.evidence()).containsEntry("candidateClass", "opioid")
                    .containsEntry("overlappingPrescriptionIds", List.of(benzo.prescriptionId().toString()));
        });
    }

    @Test
    void benzodiazepineWithAnActiveOpioidNeedsReviewToo() {
        // Class left blank on a local product: the ingredient RxCUI still identifies diazepam.
        var diazepam = product("5 MG", "Oral Tablet", null, 4, null, DIAZEPAM);
        assertThat(policy.apply(input(therapy(diazepam, "30", 30), therapy(morphine("10"), "30", 30))))
                .singleElement().satisfies(f -> assertThat(f.evidence()).containsEntry("candidateClass", "benzodiazepine"));
    }

    @Test
    void anIngredientWithoutAnRxcuiIsOfNeitherClass() {
        // Catalogue ingredients may lack an RxCUI; the check used to throw (Set.of rejects null) and fail verification.
        var unnamed = plain(null, new com.ai2aim.rx.medications.Ingredient(null, "inactive ingredient"));
        assertThat(policy.apply(input(therapy(oxycodone5(), "20", 5), therapy(unnamed, "30", 30)))).isEmpty();
        assertThat(policy.apply(input(therapy(unnamed, "30", 30), therapy(alprazolam(), "30", 30)))).isEmpty();
        var benzoWithUnnamed = plain(null, new com.ai2aim.rx.medications.Ingredient(null, "inactive ingredient"), DIAZEPAM);
        assertThat(policy.apply(input(therapy(benzoWithUnnamed, "30", 30), therapy(morphine("10"), "30", 30)))).hasSize(1);
    }

    @Test
    void noOverlapWithoutBothClasses() {
        assertThat(policy.apply(input(therapy(oxycodone5(), "20", 5), therapy(morphine("10"), "30", 30)))).isEmpty();
        assertThat(policy.apply(input(therapy(alprazolam(), "30", 30), therapy(amoxicillin(), "21", 7)))).isEmpty();
        assertThat(policy.apply(input(therapy(amoxicillin(), "21", 7), therapy(alprazolam(), "30", 30)))).isEmpty();
    }
}
