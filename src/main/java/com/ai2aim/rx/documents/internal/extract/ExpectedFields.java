package com.ai2aim.rx.documents.internal.extract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fields a document of each type is expected to carry, with what was found for each (null: not found). */
public final class ExpectedFields {

    private ExpectedFields() {}

    public static Map<String, Object> of(String type, Extraction.Patient patient, Extraction.Dates dates,
                                  List<Extraction.LabResult> labs, Extraction.Referral referral,
                                  Extraction.Prescription rx) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (type.equals("unknown")) {
            return fields;
        }
        fields.put("patient.name", patient.name());
        fields.put("patient.dateOfBirth", patient.dateOfBirth());
        switch (type) {
            case "lab_result" -> {
                fields.put("dates.collected", dates.collected());
                fields.put("labResults", labs.isEmpty() ? null : labs);
            }
            case "referral" -> {
                fields.put("dates.document", dates.document());
                fields.put("referral.reason", referral.reason());
                fields.put("referral.from", referral.from());
                fields.put("referral.to", referral.to());
                fields.put("referral.urgency", referral.urgency());
            }
            case "prescription" -> {
                fields.put("dates.document", dates.document());
                fields.put("prescription.medication", rx.medication());
                fields.put("prescription.strength", rx.strength());
                fields.put("prescription.sig", rx.sig());
                fields.put("prescription.quantity", rx.quantity());
                fields.put("prescription.refills", rx.refills());
                fields.put("prescription.prescriber", rx.prescriber());
            }
            default -> fields.put("dates.document", dates.document());
        }
        return fields;
    }
}
