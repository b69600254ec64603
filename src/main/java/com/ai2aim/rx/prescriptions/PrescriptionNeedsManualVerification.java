package com.ai2aim.rx.prescriptions;

import java.util.UUID;

/**
 * Automatic verification of a pending prescription failed after every attempt, so it was left for a pharmacist to
 * verify by hand. Carries ids only; the notifications module alerts the organisation's pharmacists.
 */
public record PrescriptionNeedsManualVerification(UUID prescriptionId, UUID orgId, UUID pharmacyId) {}
