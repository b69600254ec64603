package com.ai2aim.rx.patients.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The request annotations on their own, with a fixed clock for "today". */
class PatientRequestsTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .clockProvider(() -> CLOCK).buildValidatorFactory().getValidator();

    @ParameterizedTest
    @ValueSource(strings = {"E11.9", "I10", "S72.001A", "e11.9", "E119", "Z99.89", "A00", "M1A.0710"})
    void acceptsIcd10CmShapes(String code) {
        assertThat(violations(new PatientRequests.Condition(null, code, null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"E1", "11.9", "E11.", "E11.12345", "E11..9", "EE1.9", "E11 9", "E11.9;", "Ã11.9"})
    void refusesWhatIsNotAnIcd10CmShape(String code) {
        assertThat(violations(new PatientRequests.Condition(null, code, null))).containsExactly("icd10Code");
    }

    @Test
    void dateOfBirthMustBeBeforeTodayAndNotBefore1900() {
        assertThat(birthDateViolations(LocalDate.of(2026, 6, 14))).isEmpty();
        assertThat(birthDateViolations(LocalDate.of(1900, 1, 1))).isEmpty();
        assertThat(birthDateViolations(LocalDate.of(2026, 6, 15))).containsExactly("must be in the past");
        assertThat(birthDateViolations(LocalDate.of(2030, 1, 1))).containsExactly("must be in the past");
        assertThat(birthDateViolations(LocalDate.of(1899, 12, 31))).containsExactly("must not be before 1900-01-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"America/Chicago", "Europe/Paris", "UTC", "Asia/Kolkata", "Pacific/Chatham"})
    void acceptsIanaTimeZones(String zone) {
        assertThat(violations(new PatientRequests.QuietHours("22:00", "07:00", zone))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+02:00", "GMT+2", "Mars/Olympus", "america/chicago", "", "Central"})
    void refusesWhatIsNotAnIanaTimeZone(String zone) {
        assertThat(violations(new PatientRequests.QuietHours("22:00", "07:00", zone))).containsExactly("timezone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"24:00", "7:00", "07:60", "0700", "noon"})
    void quietHoursAreHhMm(String time) {
        assertThat(violations(new PatientRequests.QuietHours(time, "07:00", "UTC"))).containsExactly("start");
    }

    @Test
    void coverageBinIsSixDigits() {
        assertThat(violations(coverage("610014"))).isEmpty();
        assertThat(violations(coverage("61001"))).containsExactly("bin");
        assertThat(violations(coverage("6100145"))).containsExactly("bin");
        assertThat(violations(coverage("61001A"))).containsExactly("bin");
    }

    @Test
    void visitsCannotBeInTheFuture() {
        assertThat(violations(new PatientRequests.Visit("pickup", Instant.parse("2026-06-15T11:00:00Z"), null))).containsExactly("at");
        assertThat(violations(new PatientRequests.Visit("pickup", Instant.parse("2026-06-15T09:00:00Z"), "Line one\nline two"))).isEmpty();
        assertThat(violations(new PatientRequests.Visit("pickup", null, "bell\u0007"))).containsExactly("notes");
    }

    @Test
    void consentTimesCannotBeInTheFuture() {
        var prefs = new PatientRequests.CommunicationPreferences(List.of("sms"),
                new PatientRequests.ChannelConsents(null, new PatientRequests.Consent(true, Instant.parse("2027-01-01T00:00:00Z")), null, null), null, null);
        assertThat(violations(prefs)).containsExactly("consent.sms.at");
    }

    @ParameterizedTest(name = "language {0} is refused")
    @ValueSource(strings = {"spanish", "ES", "es_MX", "es-mx", "e", "es-MX-x"})
    void aLanguageMustBeALanguageCodeWithAnOptionalRegion(String language) {
        var prefs = new PatientRequests.CommunicationPreferences(List.of("sms"), null, null, language);
        assertThat(violations(prefs)).containsExactly("language");
    }

    @ParameterizedTest(name = "language {0} is accepted")
    @ValueSource(strings = {"es", "es-MX", "en-GB"})
    void aLanguageCodeWithOrWithoutARegionIsAccepted(String language) {
        assertThat(violations(new PatientRequests.CommunicationPreferences(List.of("sms"), null, null, language))).isEmpty();
    }

    private static PatientRequests.Coverage coverage(String bin) {
        return new PatientRequests.Coverage(null, "Payer", "M1", null, bin, null, "self", 1);
    }

    private static List<String> birthDateViolations(LocalDate dob) {
        var body = new PatientRequests.Update(null, null, null, dob, null, null, null, null, null, null, null, null, null, null, null, null);
        return VALIDATOR.validate(body).stream().map(ConstraintViolation::getMessage).toList();
    }

    private static Set<String> violations(Object bean) {
        return VALIDATOR.validate(bean).stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
    }
}
