package com.ai2aim.rx.medications.internal.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RxNormDisplayTests {

    @Test
    void readsASingleIngredientClinicalDrug() {
        ParsedDrug drug = RxNormDisplay.parse("oxycodone hydrochloride 5 MG Oral Tablet");
        assertThat(drug.components()).singleElement().satisfies(c -> {
            assertThat(c.preciseName()).isEqualTo("oxycodone hydrochloride");
            assertThat(c.baseName()).isEqualTo("oxycodone");
            assertThat(c.strengthText()).isEqualTo("5 MG");
        });
        assertThat(drug.doseForm()).isEqualTo("Oral Tablet");
        assertThat(drug.route()).isEqualTo("oral");
        assertThat(drug.brand()).isNull();
        assertThat(drug.tty()).isEqualTo("SCD");
    }

    @Test
    void readsACombinationWithQualifiersAndBrand() {
        ParsedDrug drug = RxNormDisplay.parse("Abuse-Deterrent 12 HR acetaminophen 325 MG / oxycodone hydrochloride 7.5 MG Extended Release Oral Tablet [Xartemis]");
        assertThat(drug.components()).extracting(ParsedDrug.Component::baseName).containsExactly("acetaminophen", "oxycodone");
        assertThat(drug.strength()).isEqualTo("325 MG / 7.5 MG");
        assertThat(drug.doseForm()).isEqualTo("Extended Release Oral Tablet");
        assertThat(drug.brand()).isEqualTo("Xartemis");
        assertThat(drug.tty()).isEqualTo("SBD");
    }

    @Test
    void readsPacksThroughTheirInnerDrug() {
        ParsedDrug drug = RxNormDisplay.parse("{1 (0.1 ML) (diazepam 100 MG/ML Nasal Spray [Valtoco]) } Pack [Valtoco 10 MG Dose Kit]");
        assertThat(drug.components()).singleElement().satisfies(c -> assertThat(c.strengthText()).isEqualTo("100 MG/ML"));
        assertThat(drug.route()).isEqualTo("nasal");
        assertThat(drug.brand()).isEqualTo("Valtoco 10 MG Dose Kit");
        assertThat(drug.tty()).isEqualTo("BPCK");
        assertThat(RxNormDisplay.parse("{2 (fentanyl 0.6 MG/ACTUAT Mucosal Spray) } Pack").tty()).isEqualTo("GPCK");
    }

    @ParameterizedTest
    @CsvSource({
            "72 HR fentanyl 0.025 MG/HR Transdermal System, transdermal",
            "buprenorphine 2 MG / naloxone 0.5 MG Sublingual Film, sublingual",
            "fentanyl 0.1 MG Buccal Tablet, buccal",
            "2 ML diazepam 5 MG/ML Rectal Gel, rectal",
            "1 ML lorazepam 2 MG/ML Injection, injection",
            "buprenorphine 74.2 MG Drug Implant, subdermal",
            "buprenorphine 20 MG/ML Topical Solution, topical",
            "fentanyl 0.1 MG/ACTUAT Mucosal Spray, oromucosal",
            "fentanyl 0.2 MG Oral Lozenge, oral"})
    void derivesTheRouteFromTheDoseForm(String display, String route) {
        assertThat(RxNormDisplay.parse(display).route()).isEqualTo(route);
    }

    @Test
    void unknownDoseFormsHaveNoRoute() {
        assertThat(RxNormDisplay.route("Pellet")).isNull();
        assertThat(RxNormDisplay.route(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Percocet tablet", "oxycodone Oral Tablet", "{no pack} Pack", "acetaminophen / oxycodone 5 MG Oral Tablet"})
    void refusesNamesOutsideRxNormsGrammar(String display) {
        assertThatThrownBy(() -> RxNormDisplay.parse(display)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void baseNamesDropSaltWords() {
        assertThat(RxNormDisplay.baseName("Codeine Phosphate")).isEqualTo("codeine");
        assertThat(RxNormDisplay.baseName("opium tincture")).isEqualTo("opium");
        assertThat(RxNormDisplay.baseName("calcium")).isEqualTo("calcium");
    }
}
