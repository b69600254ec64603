package com.ai2aim.rx.patients.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.ai2aim.rx.platform.validation.ValidLanguage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Bodies of the patient endpoints. Free text refuses control characters (PostgreSQL cannot store NUL, and nothing
 * clinical needs the others); unknown fields are refused by the platform's JSON settings.
 */
final class PatientRequests {

    static final String E164 = "^\\+[1-9][0-9]{6,14}$";
    static final String E164_MESSAGE = "must be an E.164 phone number such as +15551234567";
    static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
    /** Letter, digit, alphanumeric, then optionally a dot and 1–4 alphanumerics (E11.9, I10, S72.001A). */
    static final String ICD10 = "^[A-Za-z][0-9][A-Za-z0-9](\\.?[A-Za-z0-9]{1,4})?$";
    static final String TEXT = "^[^\\p{Cntrl}]*$";
    static final String MULTILINE = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";
    static final String NOT_BLANK = com.ai2aim.rx.platform.validation.TextPatterns.NOT_BLANK;
    static final String MRN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$";
    static final String MRN_MESSAGE = "must be 1-32 letters, digits, '.', '_' or '-'";
    static final String SEX = "female|male|intersex|unknown";
    static final String SEVERITY = "mild|moderate|severe|life_threatening";
    static final String RELATIONSHIP = "self|spouse|child|other";
    static final String CHANNEL = "email|sms|push|in_app";
    static final String HH_MM = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
    static final String TEXT_MESSAGE = "must not contain control characters";

    private PatientRequests() {}

    /** {@code POST /api/patients}. {@code orgId} defaults to the caller's organisation (a global admin must give it). */
    record Create(UUID orgId,
                  @NotBlank @Pattern(regexp = MRN, message = MRN_MESSAGE) String mrn,
                  @NotBlank @Size(max = 100) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String firstName,
                  @NotBlank @Size(max = 100) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String lastName,
                  @NotNull @BirthDate LocalDate dateOfBirth,
                  @NotBlank @Pattern(regexp = SEX, message = "must be one of female, male, intersex, unknown") String sexAtBirth,
                  @Size(max = 100) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String genderIdentity,
                  @Pattern(regexp = E164, message = E164_MESSAGE) String phone,
                  @Email @Pattern(regexp = EMAIL, message = "must be a well-formed email address") @Size(max = 254) String email,
                  @Valid Address address,
                  UUID preferredPharmacyId,
                  UUID userId,
                  @Valid CommunicationPreferences communicationPreferences,
                  @Size(max = 50) List<@NotNull @Valid Allergy> allergies,
                  @Size(max = 100) List<@NotNull @Valid Condition> conditions,
                  @Size(max = 9) List<@NotNull @Valid Coverage> coverages) {}

    /**
     * {@code PUT /api/patients/{id}}: fields that are present are changed, absent (or null) ones are kept; a list
     * that is present replaces the current list (items carrying the {@code id} of a current item keep it).
     */
    record Update(@Pattern(regexp = MRN, message = MRN_MESSAGE) String mrn,
                  @Size(min = 1, max = 100) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String firstName,
                  @Size(min = 1, max = 100) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String lastName,
                  @BirthDate LocalDate dateOfBirth,
                  @Pattern(regexp = SEX, message = "must be one of female, male, intersex, unknown") String sexAtBirth,
                  @Size(max = 100) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String genderIdentity,
                  @Pattern(regexp = E164, message = E164_MESSAGE) String phone,
                  @Email @Pattern(regexp = EMAIL, message = "must be a well-formed email address") @Size(max = 254) String email,
                  @Valid Address address,
                  UUID preferredPharmacyId,
                  UUID userId,
                  Boolean isActive,
                  @Valid CommunicationPreferences communicationPreferences,
                  @Size(max = 50) List<@NotNull @Valid Allergy> allergies,
                  @Size(max = 100) List<@NotNull @Valid Condition> conditions,
                  @Size(max = 9) List<@NotNull @Valid Coverage> coverages) {

        boolean touchesClinicalLists() {
            return allergies != null || conditions != null;
        }

        /** True when a field other than contact details and communication preferences is present. */
        boolean touchesMoreThanContact() {
            return mrn != null || firstName != null || lastName != null || dateOfBirth != null || sexAtBirth != null
                    || genderIdentity != null || preferredPharmacyId != null || userId != null || isActive != null
                    || allergies != null || conditions != null || coverages != null;
        }
    }

    record Address(@Size(max = 200) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String line1,
                   @Size(max = 200) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String line2,
                   @Size(max = 100) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String city,
                   @Size(max = 100) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String state,
                   @Size(max = 20) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String postalCode,
                   @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code such as US") String country) {}

    /**
     * @param channels which channels the patient wants to be reached on
     * @param consent  per channel, whether consent was given and when
     * @param language the language messages should be in, such as {@code es} or {@code es-MX}; templates in it are
     *                 chosen over the default ones
     */
    record CommunicationPreferences(@Size(max = 4) List<@NotNull @Pattern(regexp = CHANNEL, message = "must be one of email, sms, push, in_app") String> channels,
                                    @Valid ChannelConsents consent,
                                    @Valid QuietHours quietHours,
                                    @ValidLanguage String language) {}

    record ChannelConsents(@Valid Consent email, @Valid Consent sms, @Valid Consent push,
                           @JsonProperty("in_app") @Valid Consent inApp) {}

    /** @param at when consent was given; the server stamps the current time when consent is given without one */
    record Consent(@NotNull Boolean granted, @PastOrPresent Instant at) {}

    record QuietHours(@NotNull @Pattern(regexp = HH_MM, message = "must be a time HH:mm") String start,
                      @NotNull @Pattern(regexp = HH_MM, message = "must be a time HH:mm") String end,
                      @NotNull @IanaTimeZone String timezone) {}

    /** An allergy to a substance by name, an ingredient RxCUI, or a drug class (at least one of them). */
    record Allergy(UUID id,
                   @Size(max = 200) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String substance,
                   @Pattern(regexp = "^[0-9]{1,10}$", message = "must be an RxCUI (1-10 digits)") String rxcui,
                   @Size(max = 200) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String drugClass,
                   @Size(max = 500) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String reaction,
                   @Pattern(regexp = SEVERITY, message = "must be one of mild, moderate, severe, life_threatening") String severity) {

        boolean identified() {
            return substance != null || rxcui != null || drugClass != null;
        }
    }

    record Condition(UUID id,
                     @NotBlank @Pattern(regexp = ICD10, message = "must be an ICD-10-CM code such as E11.9, I10 or S72.001A") String icd10Code,
                     @Size(max = 500) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String text) {}

    record Coverage(UUID id,
                    @NotBlank @Size(max = 200) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String payerName,
                    @NotBlank @Size(max = 64) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String memberId,
                    @Size(max = 64) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String groupNumber,
                    @Pattern(regexp = "^[0-9]{6}$", message = "must be a 6-digit pharmacy BIN") String bin,
                    @Pattern(regexp = "^[A-Za-z0-9-]{1,10}$", message = "must be 1-10 letters, digits or '-'") String pcn,
                    @Pattern(regexp = RELATIONSHIP, message = "must be one of self, spouse, child, other") String relationship,
                    @Min(1) @Max(9) Integer priority) {}

    /** {@code POST /api/patients/{id}/visits}: a consultation or a pickup, by the caller, now or at {@code at}. */
    record Visit(@NotBlank @Pattern(regexp = "consultation|pickup", message = "must be 'consultation' or 'pickup'") String type,
                 @PastOrPresent Instant at,
                 @Size(max = 4000) @Pattern(regexp = MULTILINE, message = TEXT_MESSAGE) String notes) {}
}
