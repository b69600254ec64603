package com.ai2aim.rx.prescriptions;

import com.ai2aim.rx.prescriptions.internal.PrescriptionLookup;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

    /**
     * One keyset page of the prescriptions still in use (pending, approved, filled, dispensed; not deleted) that expire
     * on {@code from} to {@code to} inclusive, in (expiresOn, id) order after {@code after} (null: from the start).
     * Visible ones only; as the service, all of them.
     */
    @Transactional(readOnly = true)
    public List<ExpiringPrescription> expiringBetween(LocalDate from, LocalDate to, ExpiringPrescription after, int limit) {
        return lookup.expiring(from, to, after, limit);
    }

    /**
     * One keyset page, in prescription id order after {@code afterId} (null: from the start), of the filled or dispensed
     * prescriptions, not expired on {@code today}, with refills remaining, whose latest fill's supply (filled at plus
     * days supply) ends between {@code from} and {@code to} inclusive.
     */
    @Transactional(readOnly = true)
    public List<EndingSupply> suppliesEndingBetween(Instant from, Instant to, LocalDate today, UUID afterId, int limit) {
        return lookup.suppliesEnding(from, to, today, afterId, limit);
    }
}
