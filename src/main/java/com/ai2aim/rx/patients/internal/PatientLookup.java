package com.ai2aim.rx.patients.internal;

import com.ai2aim.rx.patients.AllergyView;
import com.ai2aim.rx.patients.ConditionView;
import com.ai2aim.rx.patients.PatientContact;
import com.ai2aim.rx.patients.PatientView;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Builds the module API's {@link PatientView}; runs in whatever transaction the caller has open. */
@Component
public class PatientLookup {

    private final PatientRepository patients;
    private final ClinicalRepository clinical;

    PatientLookup(PatientRepository patients, ClinicalRepository clinical) {
        this.patients = patients;
        this.clinical = clinical;
    }

    /**
     * Ids of the organisation's live patients born on that day whose name is exactly the given one, as first name then
     * last name or the other way round with a comma between them (case and extra spaces aside).
     */
    public List<UUID> idsByNameAndBirthDate(UUID orgId, String fullName, LocalDate dateOfBirth) {
        String wanted = normal(fullName);
        return patients.bornOn(orgId, dateOfBirth).stream()
                .filter(p -> wanted.equals(normal(p.firstName() + " " + p.lastName()))
                        || wanted.equals(normal(p.lastName() + ", " + p.firstName())))
                .map(PatientRow::id).toList();
    }

    private static String normal(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public Optional<PatientView> find(UUID id) {
        return patients.find(id).filter(p -> !p.deleted()).map(p -> {
            PatientDetails.ClinicalLists lists = clinical.current(id);
            return new PatientView(p.id(), p.orgId(), p.mrn(), p.firstName(), p.lastName(), p.dateOfBirth(), p.userId(),
                    p.preferredPharmacyId(), p.isActive(),
                    lists.allergies().stream().map(a -> new AllergyView(a.id(), a.substance(), a.rxcui(), a.drugClass(),
                            a.reaction(), a.severity())).toList(),
                    lists.conditions().stream().map(c -> new ConditionView(c.id(), c.icd10Code(), c.text())).toList());
        });
    }

    public Optional<PatientContact> contact(UUID id) {
        return patients.find(id).filter(p -> !p.deleted()).map(p -> {
            PatientRequests.CommunicationPreferences prefs = p.communicationPreferences();
            List<String> channels = prefs == null || prefs.channels() == null ? List.of() : prefs.channels();
            Map<String, Boolean> consent = new LinkedHashMap<>();
            PatientRequests.ChannelConsents c = prefs == null ? null : prefs.consent();
            if (c != null) {
                put(consent, "email", c.email());
                put(consent, "sms", c.sms());
                put(consent, "push", c.push());
                put(consent, "in_app", c.inApp());
            }
            PatientRequests.QuietHours q = prefs == null ? null : prefs.quietHours();
            return new PatientContact(p.id(), p.orgId(), p.userId(), p.preferredPharmacyId(), p.firstName(), p.lastName(),
                    p.phone(), p.email(), channels, consent,
                    q == null ? null : new PatientContact.QuietHours(q.start(), q.end(), q.timezone()),
                    prefs == null ? null : prefs.language());
        });
    }

    private static void put(Map<String, Boolean> consent, String channel, PatientRequests.Consent given) {
        if (given != null && given.granted() != null) {
            consent.put(channel, given.granted());
        }
    }
}
