package com.ai2aim.rx.prescriptions.internal.verification;

import com.ai2aim.rx.medications.MedicationView;
import com.ai2aim.rx.prescriptions.PrescriptionView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A prescription with its catalogue product: the facts the policies read, and nothing that names the patient. */
public record Therapy(UUID prescriptionId, MedicationView medication, BigDecimal quantity, String quantityUnit,
                      int daysSupply, int refillsAuthorized, LocalDate writtenDate, LocalDate expiresOn) {

    public Therapy {
        Objects.requireNonNull(medication, "medication");
        Objects.requireNonNull(quantity, "quantity");
    }

    public static Therapy of(PrescriptionView prescription, MedicationView medication) {
        return new Therapy(prescription.id(), medication, prescription.quantity(), prescription.quantityUnit(),
                prescription.daysSupply(), prescription.refillsAuthorized(), prescription.writtenDate(),
                prescription.expiresOn());
    }
}
