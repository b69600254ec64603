package com.ai2aim.rx.patients;

import com.ai2aim.rx.patients.internal.PatientLookup;
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
