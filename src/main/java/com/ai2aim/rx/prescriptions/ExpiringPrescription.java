package com.ai2aim.rx.prescriptions;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A prescription still in use whose expiry date falls in a window (for the expiry notices): identifiers only.
 *
 * @param pharmacyId the filling pharmacy, else the prescription's own organisation (where its pharmacists are)
 */
public record ExpiringPrescription(UUID prescriptionId, String rxNumber, UUID patientId, UUID orgId, UUID pharmacyId,
                                   LocalDate expiresOn) {}
