package com.ai2aim.rx.medications.internal.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeaSchedulesTests {

    @ParameterizedTest
    @CsvSource({
            "oxycodone hydrochloride 5 MG Oral Tablet, 2",
            "codeine sulfate 30 MG Oral Tablet, 2",
            "acetaminophen 300 MG / codeine phosphate 30 MG Oral Tablet, 3",
            "aspirin 325 MG / carisoprodol 200 MG / codeine phosphate 16 MG Oral Tablet, 3",
            "codeine phosphate 1 MG/ML / kaolin 300 MG/ML Oral Suspension, 5",
            "acetaminophen 24 MG/ML / codeine phosphate 2.4 MG/ML Oral Solution, 3",
            "acetaminophen 500 MG / dihydrocodeine bitartrate 30 MG Oral Tablet, 3",
            "dihydrocodeine bitartrate 30 MG Oral Tablet, 2",
            "buprenorphine 8 MG / naloxone 2 MG Sublingual Tablet, 3",
            "naloxone 0.5 MG / pentazocine 50 MG Oral Tablet, 4",
            "alprazolam 0.25 MG Oral Tablet, 4",
            "tramadol hydrochloride 50 MG Oral Tablet, 4",
            "heroin 10 MG Oral Tablet, 1",
            "Abuse-Deterrent morphine sulfate 20 MG / naltrexone hydrochloride 0.8 MG Extended Release Oral Capsule, 2"})
    void placesProductsInTheirFederalSchedule(String display, int schedule) {
        assertThat(DeaSchedules.forProduct(RxNormDisplay.parse(display).components())).isEqualTo(schedule);
    }

    @Test
    void uncontrolledProductsHaveNoSchedule() {
        assertThat(DeaSchedules.forProduct(RxNormDisplay.parse("naloxone hydrochloride 4 MG/ACTUAT Nasal Spray").components())).isNull();
        assertThat(DeaSchedules.forIngredient("lisinopril")).isNull();
        assertThat(DeaSchedules.forIngredient(null)).isNull();
    }
}
