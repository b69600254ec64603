package com.ai2aim.rx.prescriptions.internal;

import com.ai2aim.rx.patients.PatientTimelineSource;
import com.ai2aim.rx.patients.TimelineEntry;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Puts prescriptions written, approved, filled and dispensed on the patient's timeline (no drug names: ids only). */
@Component
class PrescriptionTimeline implements PatientTimelineSource {

    private final PrescriptionRepository prescriptions;

    PrescriptionTimeline(PrescriptionRepository prescriptions) {
        this.prescriptions = prescriptions;
    }

    @Override
    public List<TimelineEntry> entriesFor(UUID patientId) {
        return prescriptions.timeline(patientId).stream()
                .map(row -> new TimelineEntry(row.at(), row.type(), summary(row.type()), row.prescriptionId(), "prescription"))
                .toList();
    }

    private static String summary(String type) {
        return switch (type) {
            case "prescription.written" -> "Prescription written";
            case "prescription.approved" -> "Prescription approved";
            case "prescription.filled" -> "Prescription filled";
            default -> "Prescription dispensed";
        };
    }
}
