package com.ai2aim.rx.prescriptions.internal.verification;

import static com.ai2aim.rx.prescriptions.internal.verification.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.patients.AllergyView;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AllergyToIngredientOrClassPolicyTests {

    final AllergyToIngredientOrClassPolicy policy = new AllergyToIngredientOrClassPolicy();

    List<Finding> check(com.ai2aim.rx.medications.MedicationView product, AllergyView allergy) {
        return policy.apply(new VerificationInput(therapy(product, "30", 30), patient(allergy), List.of(), TODAY));
    }

    @Test
    void severeAllergyToTheIngredientRxcuiIsAHardStop() {
        AllergyView allergy = allergy(null, "723", null, "severe");
        List<Finding> findings = check(amoxicillin(), allergy);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(FindingSeverity.HARD_STOP);
            assertThat(f.code()).isEqualTo("ALLERGY_INGREDIENT");
            assertThat(f.evidence()).containsEntry("allergyId", allergy.id().toString())
                    .containsEntry("ingredientRxcuis", List.of("723"));
            assertThat(f.source()).contains("practice parameter");
        });
    }

    @ParameterizedTest
    @CsvSource(value = {"life_threatening,HARD_STOP", "severe,HARD_STOP", "moderate,WARNING", "mild,WARNING", "NULL,WARNING"},
            nullValues = "NULL")
    void severityOfTheAllergyDecidesHardStopOrWarning(String severity, FindingSeverity expected) {
        assertThat(check(amoxicillin(), allergy("amoxicillin", null, null, severity)))
                .singleElement().extracting(Finding::severity).isEqualTo(expected);
    }

    @Test
    void penicillinClassAllergyCrossReactsWithAmoxicillinAndAmpicillin() {
        AllergyView penicillins = allergy(null, null, "Penicillins", "life_threatening");
        assertThat(check(amoxicillin(), penicillins)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("ALLERGY_CROSS_SENSITIVITY");
            assertThat(f.severity()).isEqualTo(FindingSeverity.HARD_STOP);
            assertThat(f.evidence()).containsEntry("crossSensitivityGroup", "penicillin");
        });
        var ampicillin = product("500 MG", "Oral Capsule", null, null, null,
                new com.ai2aim.rx.medications.Ingredient("733", "ampicillin"));
        assertThat(check(ampicillin, allergy(null, "723", null, "mild"))).singleElement()
                .satisfies(f -> assertThat(f.code()).isEqualTo("ALLERGY_CROSS_SENSITIVITY"));
    }

    @Test
    void sulfonamideAntibioticAllergyDoesNotFlagNonAntibioticSulfonamides() {
        AllergyView sulfa = allergy("sulfa", null, null, "severe");
        assertThat(check(plain("sulfonamide antibiotic", SULFAMETHOXAZOLE), sulfa)).hasSize(1);
        assertThat(check(plain("loop diuretic", FUROSEMIDE), sulfa)).isEmpty();
    }

    @Test
    void allergyToTheProductsTherapeuticClassIsFlagged() {
        assertThat(check(plain("statin", SIMVASTATIN), allergy(null, null, "Statin class", "moderate")))
                .singleElement().satisfies(f -> {
                    assertThat(f.code()).isEqualTo("ALLERGY_CLASS");
                    assertThat(f.severity()).isEqualTo(FindingSeverity.WARNING);
                });
    }

    @Test
    void unrelatedAllergyGivesNoFinding() {
        assertThat(check(plain("statin", SIMVASTATIN), allergy("peanut", null, null, "life_threatening"))).isEmpty();
        assertThat(check(amoxicillin(), allergy(null, "10180", "sulfonamide antibiotic", "severe"))).isEmpty();
    }

    @Test
    void evidenceCarriesNoPatientDetails() {
        var input = new VerificationInput(therapy(amoxicillin(), "30", 30), patient(allergy("amoxicillin", "723", null, "severe")),
                List.of(), TODAY);
        assertThat(policy.apply(input).toString()).doesNotContain("Ada", "Lovelace", "MRN-1", "rash");
    }
}
