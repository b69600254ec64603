package com.ai2aim.rx.prescriptions.internal.verification;

import static com.ai2aim.rx.prescriptions.internal.verification.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.medications.Interaction;
import com.ai2aim.rx.medications.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DrugInteractionPolicyTests {

    final List<Collection<String>> asked = new ArrayList<>();

    DrugInteractionPolicy returning(Severity severity) {
        return new DrugInteractionPolicy((mine, theirs) -> {
            asked.add(mine);
            asked.add(theirs);
            return theirs.contains(CLARITHROMYCIN.rxcui()) ? List.of(new Interaction(SIMVASTATIN, CLARITHROMYCIN, severity,
                    "simvastatin + clarithromycin", "avoid", "texte", "fr", "ANSM test source")) : List.of();
        });
    }

    @ParameterizedTest
    @CsvSource({"CONTRAINDICATED,HARD_STOP", "MAJOR,WARNING", "MODERATE,INFO", "MINOR,INFO"})
    void mapsKnowledgeBaseSeverityToFindingSeverity(Severity severity, FindingSeverity expected) {
        Therapy other = therapy(plain("macrolide", CLARITHROMYCIN), "14", 7);
        List<Finding> findings = returning(severity).apply(input(therapy(plain("statin", SIMVASTATIN), "30", 30), other));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(expected);
            assertThat(f.code()).isEqualTo("INTERACTION_" + severity.name());
            assertThat(f.source()).isEqualTo("ANSM test source");
            assertThat(f.evidence()).containsEntry("otherPrescriptionId", other.prescriptionId().toString())
                    .containsEntry("ingredientRxcui", "36567").containsEntry("interactingRxcui", "21212");
        });
        assertThat(asked).containsExactly(List.of("36567"), List.of("21212"));
    }

    @Test
    void noOtherPrescriptionsOrNoInteractionGivesNothing() {
        DrugInteractionPolicy policy = returning(Severity.CONTRAINDICATED);
        assertThat(policy.apply(input(therapy(plain("statin", SIMVASTATIN), "30", 30)))).isEmpty();
        assertThat(policy.apply(input(therapy(plain("statin", SIMVASTATIN), "30", 30), therapy(amoxicillin(), "21", 7)))).isEmpty();
    }
}
