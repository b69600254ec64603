package com.ai2aim.rx.prescriptions;

import java.time.Instant;
import java.util.UUID;

/**
 * A prescription's latest fill whose supply (filled at + days supply) runs out in a window while refills remain (for
 * the refill reminders): identifiers only.
 *
 * @param fillId the latest fill; a newer fill starts a new supply, and so a new reminder
 */
public record EndingSupply(UUID prescriptionId, UUID fillId, UUID patientId, UUID orgId, UUID pharmacyId,
                           Instant supplyEndsAt, int refillsRemaining) {}
