package com.ai2aim.rx.prescriptions.internal.verification;

import static com.ai2aim.rx.prescriptions.internal.verification.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.medications.Interaction;
import com.ai2aim.rx.medications.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrescriptionVerifierTests {

    final PrescriptionVerifier verifier = PrescriptionVerifier.withAllPolicies((mine, theirs) -> List.of());

    @Test
    void runsEveryNamedPolicy() {
        assertThat(verifier.policyNames()).containsExactly("allergyToIngredientOrClassPolicy", "drugInteractionPolicy",
                "duplicateTherapyPolicy", "opioidDailyMmePolicy", "opioidBenzodiazepineOverlapPolicy",
                "controlledSubstanceRulesPolicy", "quantityTimesDaysSupplySanityPolicy");
    }

    @Test
    void passesAPlainPrescription() {
        var result = verifier.verify(input(therapy(amoxicillin(), "21", "capsule", 7, 0)));
        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void infoAloneStillPasses() {
        var result = verifier.verify(input(therapy(plain("statin", SIMVASTATIN), "30", 30), therapy(plain("statin", ATORVASTATIN), "30", 30)));
        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.findings()).extracting(Finding::code).containsExactly("DUPLICATE_CLASS");
    }

    @Test
    void anyWarningNeedsReview() {
        var result = verifier.verify(input(therapy(oxycodone5(), "20", 5), therapy(alprazolam(), "30", 30)));
        assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(result.findings()).extracting(Finding::code).contains("OPIOID_BENZODIAZEPINE");
    }

    @Test
    void anyHardStopFailsAndComesFirst() {
        PrescriptionVerifier withInteraction = PrescriptionVerifier.withAllPolicies((mine, theirs) -> List.of(
                new Interaction(OXYCODONE, ALPRAZOLAM, Severity.MAJOR, "d", "r", "t", "en", "ONC")));
        var candidate = therapy(oxycodone5(), "20", 5);
        var input = new VerificationInput(candidate, patient(allergy(null, "7804", null, "severe")),
                List.of(therapy(alprazolam(), "30", 30)), TODAY);
        var result = withInteraction.verify(input);
        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.findings().get(0).severity()).isEqualTo(FindingSeverity.HARD_STOP);
        assertThat(result.findings()).extracting(Finding::code).contains("ALLERGY_INGREDIENT", "INTERACTION_MAJOR", "OPIOID_BENZODIAZEPINE");
        assertThat(result.findings()).isSortedAccordingTo(java.util.Comparator.comparing(Finding::severity));
    }

    @Test
    void findingSeverityReadsBackFromItsJsonValue() {
        for (FindingSeverity s : FindingSeverity.values()) {
            assertThat(FindingSeverity.parse(s.value())).isEqualTo(s);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FindingSeverity.parse("fatal"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
