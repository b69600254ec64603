package com.ai2aim.rx.medications;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.security.Role;
import com.ai2aim.rx.support.IntegrationTest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The module's Java API as another module calls it: inside that module's transaction, as its actor. */
@IntegrationTest
class MedicationsModuleIntegrationTests {

    @Autowired Medications medications;
    @Autowired InteractionChecker checker;
    @Autowired TransactionTemplate transactions;

    private static Actor patient() {
        UUID id = UUID.randomUUID();
        UUID org = UUID.randomUUID();
        return new Actor(id, "someone@test.rx", Role.PATIENT, org, null,
                "{\"sub\":\"" + id + "\",\"role\":\"authenticated\",\"app_metadata\":{\"rx_role\":\"patient\",\"org_id\":\"" + org + "\"}}");
    }

    @Test
    void referenceProductsAreReadableInsideAnAuthenticatedCallersTransaction() {
        Optional<MedicationView> oxycodone = Actors.as(patient(), () -> transactions.execute(s -> medications.findByRxcui("1049621")));
        assertThat(oxycodone).isPresent();
        MedicationView view = oxycodone.get();
        assertThat(view.name()).isEqualTo("oxycodone hydrochloride 5 MG Oral Tablet");
        assertThat(view.strength()).isEqualTo("5 MG");
        assertThat(view.doseForm()).isEqualTo("Oral Tablet");
        assertThat(view.route()).isEqualTo("oral");
        assertThat(view.ingredients()).containsExactly(new Ingredient("7804", "oxycodone"));
        assertThat(view.deaSchedule()).isEqualTo(2);
        assertThat(view.mmeFactor()).isEqualByComparingTo("1.5");
        assertThat(view.orgId()).isNull();
        assertThat(view.active()).isTrue();

        Optional<MedicationView> again = Actors.as(patient(), () -> transactions.execute(s -> medications.find(view.id())));
        assertThat(again).contains(view);
    }

    @Test
    void referenceProductsAreReadableByTheService() {
        List<MedicationView> found = Actors.asService(() -> transactions.execute(s -> medications.search("alprazolam 0.25", 5)));
        assertThat(found).isNotEmpty();
        assertThat(found.get(0).name()).startsWith("alprazolam 0.25 MG");
        List<MedicationView> tooShort = Actors.asService(() -> transactions.execute(s -> medications.search("x", 5)));
        assertThat(tooShort).isEmpty();
        Optional<MedicationView> unknown = Actors.asService(() -> transactions.execute(s -> medications.find(UUID.randomUUID())));
        assertThat(unknown).isEmpty();
        Optional<MedicationView> blank = Actors.asService(() -> transactions.execute(s -> medications.findByRxcui(" ")));
        assertThat(blank).isEmpty();
    }

    @Test
    void classExpandedAnsmPairAndOncPairAreFoundMostSevereFirst() {
        // simvastatin + clarithromycin: ANSM "SIMVASTATINE + INHIBITEURS PUISSANTS DU CYP3A4" (a class), ONC high priority #25.
        List<Interaction> found = checker.among(List.of("36567", "21212"));
        assertThat(found).extracting(Interaction::source)
                .containsExactly(com.ai2aim.rx.medications.internal.reference.InteractionBuilder.ANSM,
                        com.ai2aim.rx.medications.internal.reference.InteractionBuilder.ONC_HIGH);
        Interaction ansm = found.get(0);
        assertThat(ansm.severity()).isEqualTo(Severity.CONTRAINDICATED);
        assertThat(ansm.sourceLanguage()).isEqualTo("fr");
        assertThat(ansm.recommendation()).startsWith("Do not combine.");
        assertThat(ansm.first().name()).isEqualTo("simvastatin");
        assertThat(found.get(1).severity()).isEqualTo(Severity.MAJOR);
        assertThat(found.get(1).sourceLanguage()).isEqualTo("en");
    }

    @Test
    void betweenOrientsTheCandidateFirst() {
        List<Interaction> found = checker.between(List.of("21212"), List.of("36567", "723"));
        assertThat(found).isNotEmpty().allMatch(i -> i.first().rxcui().equals("21212") && i.second().rxcui().equals("36567"));
    }

    @Test
    void warfarinWithAnNsaidInteracts() {
        List<Interaction> found = checker.among(List.of("11289", "5640"));
        assertThat(found).isNotEmpty();
        assertThat(found.get(0).severity()).isIn(Severity.CONTRAINDICATED, Severity.MAJOR, Severity.MODERATE);
    }

    @Test
    void unrelatedDrugsDoNotInteract() {
        assertThat(checker.among(List.of("723", "29046"))).isEmpty();
        assertThat(checker.among(List.of("7804", "7804"))).isEmpty();
        assertThat(checker.among(List.of("not-an-rxcui", "21212"))).isEmpty();
        assertThat(checker.among(null)).isEmpty();
    }

    @Test
    void interactionSeverityIsSerialisedInLowerCase() {
        assertThat(Severity.CONTRAINDICATED.value()).isEqualTo("contraindicated");
        assertThat(Severity.parse("Major")).isEqualTo(Severity.MAJOR);
    }
}
