package com.ai2aim.rx.prescriptions.internal;

import com.ai2aim.rx.medications.Severity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The {@code drug-interaction-check} function's input and output, in the plan's shape. */
final class DrugInteractionCheck {

    private DrugInteractionCheck() {}

    /**
     * @param newMedication a catalogue id, an RxCUI (product or ingredient) or a name
     * @param dosage        as the prescriber would write it; not used by the check yet, kept for the plan's API
     */
    record Input(@NotNull UUID patientId, @NotBlank @Size(max = 200) String newMedication, @Size(max = 200) String dosage) {}

    /** Interactions with the patient's active medications, most severe first. */
    record Result(List<Finding> interactions) {}

    /** @param medication the patient's active medication the new one interacts with */
    record Finding(String medication, Severity severity, String description, String recommendation, String source) {}
}
