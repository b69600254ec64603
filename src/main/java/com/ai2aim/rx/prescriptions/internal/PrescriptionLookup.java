package com.ai2aim.rx.prescriptions.internal;

import com.ai2aim.rx.prescriptions.PrescriptionView;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Lets the module API ({@code Prescriptions}) read through the package-private repository. */
@Component
public class PrescriptionLookup {

    private final PrescriptionRepository prescriptions;

    PrescriptionLookup(PrescriptionRepository prescriptions) {
        this.prescriptions = prescriptions;
    }

    public Optional<PrescriptionView> find(UUID id) {
        return prescriptions.find(id);
    }
}
