package com.ai2aim.rx.prescriptions;

import java.util.UUID;

/** A prescriber wrote a prescription; it is pending. Carries the id only, never PHI. */
public record PrescriptionWritten(UUID prescriptionId) {}
