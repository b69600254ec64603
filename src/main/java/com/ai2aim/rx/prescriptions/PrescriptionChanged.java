package com.ai2aim.rx.prescriptions;

import java.util.UUID;

/** A pending prescription was edited, so its earlier verification was cleared. Carries the id only, never PHI. */
public record PrescriptionChanged(UUID prescriptionId) {}
