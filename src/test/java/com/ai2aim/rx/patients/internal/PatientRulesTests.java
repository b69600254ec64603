package com.ai2aim.rx.patients.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Role;
import com.ai2aim.rx.platform.web.ApiException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PatientRulesTests {

    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    private static final Instant EARLIER = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void consentGivenWithoutATimeTakesNowAndWithdrawnConsentLosesItsTime() {
        var stamped = PatientRules.stamped(prefs(new PatientRequests.Consent(true, null), new PatientRequests.Consent(false, EARLIER)), null, NOW);
        assertThat(stamped.consent().sms()).isEqualTo(new PatientRequests.Consent(true, NOW));
        assertThat(stamped.consent().email()).isEqualTo(new PatientRequests.Consent(false, null));
        assertThat(stamped.consent().push()).isNull();
    }

    @Test
    void consentAlreadyGivenKeepsItsFirstTimeWhenSentAgainWithoutOne() {
        var before = prefs(new PatientRequests.Consent(true, EARLIER), null);
        var stamped = PatientRules.stamped(prefs(new PatientRequests.Consent(true, null), null), before, NOW);
        assertThat(stamped.consent().sms().at()).isEqualTo(EARLIER);
    }

    @Test
    void repeatedChannelsAreKeptOnce() {
        var incoming = new PatientRequests.CommunicationPreferences(List.of("sms", "email", "sms"),
                new PatientRequests.ChannelConsents(null, null, null, null), null, "es-MX");
        assertThat(PatientRules.stamped(incoming, null, NOW).channels()).containsExactly("sms", "email");
        assertThat(PatientRules.stamped(incoming, null, NOW).language()).isEqualTo("es-MX");
        assertThat(PatientRules.stamped(null, null, NOW)).isNull();
    }

    @Test
    void coveragesMayNotShareAPriorityAndAMissingPriorityIsPrimary() {
        assertThatNoException().isThrownBy(() -> PatientRules.checkCoverages(List.of(coverage(1), coverage(2))));
        assertThatThrownBy(() -> PatientRules.checkCoverages(List.of(coverage(null), coverage(1))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.toError().details().get(0).field()).isEqualTo("coverages[1].priority"));
    }

    @Test
    void itemIdsMustNameACurrentItemOnce() {
        UUID current = UUID.randomUUID();
        assertThatNoException().isThrownBy(() -> PatientRules.checkItemIds("allergies", Arrays.asList(current, null), Set.of(current)));
        assertThatThrownBy(() -> PatientRules.checkItemIds("allergies", List.of(UUID.randomUUID()), Set.of(current)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.toError().details().get(0).field()).isEqualTo("allergies[0].id"));
        assertThatThrownBy(() -> PatientRules.checkItemIds("allergies", List.of(current, current), Set.of(current)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.toError().details().get(0).field()).isEqualTo("allergies[1].id"));
    }

    @Test
    void anAllergyMustNameASubstanceAnRxcuiOrAClass() {
        assertThatNoException().isThrownBy(() -> PatientRules.checkAllergies("allergies",
                List.of(new PatientRequests.Allergy(null, null, "723", null, null, null))));
        assertThatThrownBy(() -> PatientRules.checkAllergies("allergies", List.of(
                new PatientRequests.Allergy(null, "Latex", null, null, null, null),
                new PatientRequests.Allergy(null, null, null, null, "Rash", "mild"))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.toError().details().get(0).field()).isEqualTo("allergies[1].substance"));
    }

    @Test
    void accessRulesByRole() {
        UUID org = UUID.randomUUID();
        UUID pharmacy = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        PatientRow patient = new PatientRow(UUID.randomUUID(), org, "M", "A", "B", null, "male", null, null, null, null,
                pharmacy, user, null, true, null, null, null, 1);

        assertThat(PatientAccess.mayChangeRecordOf(actor(Role.TECHNICIAN, org), patient)).isTrue();
        assertThat(PatientAccess.mayChangeRecordOf(actor(Role.PHARMACIST, pharmacy), patient)).isFalse();
        assertThat(PatientAccess.mayChangeRecordOf(actor(Role.ADMIN, null), patient)).isTrue();
        assertThat(PatientAccess.mayChangeRecordOf(Actor.SERVICE, patient)).isTrue();
        assertThat(PatientAccess.mayRecordVisitFor(actor(Role.TECHNICIAN, pharmacy), patient)).isTrue();
        assertThat(PatientAccess.mayRecordVisitFor(actor(Role.PATIENT, org), patient)).isFalse();
        assertThat(PatientAccess.mayRecordVisitFor(actor(Role.PHARMACIST, UUID.randomUUID()), patient)).isFalse();
        assertThat(PatientAccess.mayRecordClinicalFacts(actor(Role.TECHNICIAN, org))).isFalse();
        assertThat(PatientAccess.mayRecordClinicalFacts(actor(Role.PHYSICIAN, org))).isTrue();
        assertThat(PatientAccess.maySeeDeleted(actor(Role.PHARMACIST, org))).isFalse();
        assertThat(PatientAccess.isThePatient(new Actor(user, null, Role.PATIENT, org, null, "{}"), patient)).isTrue();
        assertThat(PatientAccess.isThePatient(new Actor(user, null, Role.PHARMACIST, org, null, "{}"), patient)).isFalse();
    }

    private static Actor actor(Role role, UUID org) {
        return new Actor(UUID.randomUUID(), null, role, org, null, "{}");
    }

    private static PatientRequests.CommunicationPreferences prefs(PatientRequests.Consent sms, PatientRequests.Consent email) {
        return new PatientRequests.CommunicationPreferences(List.of("sms"), new PatientRequests.ChannelConsents(email, sms, null, null), null, null);
    }

    private static PatientRequests.Coverage coverage(Integer priority) {
        return new PatientRequests.Coverage(null, "Payer", "M", null, null, null, null, priority);
    }
}
