package com.ai2aim.rx.prescriptions.internal;

import com.ai2aim.rx.prescriptions.EndingSupply;
import com.ai2aim.rx.prescriptions.ExpiringPrescription;
import com.ai2aim.rx.prescriptions.PrescriptionView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Lets the module API ({@code Prescriptions}) read through the package-private repository. */
@Component
public class PrescriptionLookup {

    private final PrescriptionRepository prescriptions;
    private final DueQueries due;

    PrescriptionLookup(PrescriptionRepository prescriptions, DueQueries due) {
        this.prescriptions = prescriptions;
        this.due = due;
    }

    public List<ExpiringPrescription> expiring(LocalDate from, LocalDate to, ExpiringPrescription after, int limit) {
        return due.expiring(from, to, after, limit);
    }

    public List<EndingSupply> suppliesEnding(Instant from, Instant to, LocalDate today, UUID afterId, int limit) {
        return due.suppliesEnding(from, to, today, afterId, limit);
    }

    public Optional<PrescriptionView> find(UUID id) {
        return prescriptions.find(id);
    }
}
