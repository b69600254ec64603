package com.ai2aim.rx.prescriptions;

import com.ai2aim.rx.prescriptions.internal.PrescriptionLookup;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prescriptions module's API for other modules. Reads join the caller's transaction (or open one as the current
 * actor), so row-level security answers: a prescription the caller may not see is absent.
 */
@Component
public class Prescriptions {

    private final PrescriptionLookup lookup;

    Prescriptions(PrescriptionLookup lookup) {
        this.lookup = lookup;
    }

    /** The prescription, or empty when it does not exist, is deleted, or is not visible to the acting user. */
    @Transactional(readOnly = true)
    public Optional<PrescriptionView> find(UUID id) {
        return id == null ? Optional.empty() : lookup.find(id);
    }
}
