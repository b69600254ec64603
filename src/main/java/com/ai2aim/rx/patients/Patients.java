package com.ai2aim.rx.patients;

import com.ai2aim.rx.patients.internal.PatientLookup;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patients module's API for other modules. Reads run in the caller's transaction (or a new one), so row-level
 * security answers as the acting user: a patient the caller may not see is simply absent. Callers that show the
 * result to a person record that access in the audit trail themselves.
 */
@Component
public class Patients {

    private final PatientLookup lookup;

    Patients(PatientLookup lookup) {
        this.lookup = lookup;
    }

    /**
     * The ids of the organisation's patients (visible to the acting user) born on that day and named exactly so, as
     * first name then last name or the other way round with a comma between them, ignoring case and spacing. Used to
     * link a document to its patient: callers link only when there is exactly one.
     */
    @Transactional(readOnly = true)
    public List<UUID> findIdsByNameAndBirthDate(UUID orgId, String fullName, LocalDate dateOfBirth) {
        return lookup.idsByNameAndBirthDate(orgId, fullName, dateOfBirth);
    }

    /**
     * The patient with its current allergies and conditions, or empty when it does not exist, is soft-deleted, or
     * is not visible to the acting user.
     */
    @Transactional(readOnly = true)
    public Optional<PatientView> find(UUID id) {
        return lookup.find(id);
    }

    /**
     * The patient's contact details and communication preferences, under the same rules as {@link #find(UUID)}.
     */
    @Transactional(readOnly = true)
    public Optional<PatientContact> contact(UUID id) {
        return lookup.contact(id);
    }
}
