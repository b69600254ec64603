package com.ai2aim.rx.documents.corpus;

import com.ai2aim.rx.documents.internal.extract.Extraction;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Field-level accuracy: every ground-truth field of every document is one trial, right when the extracted value is
 * equal after case and whitespace are normalised. Counted per field name (lab rows folded into
 * {@code labResults[].test} and so on) and overall.
 */
public final class FieldAccuracy {

    private final Map<String, int[]> perField = new TreeMap<>();
    private final Map<String, String> firstMiss = new LinkedHashMap<>();

    public void add(String documentId, Map<String, String> truth, Extraction extraction) {
        Map<String, String> got = flatten(extraction);
        truth.forEach((field, expected) -> {
            String key = field.replaceAll("\\[\\d+]", "[]");
            int[] counts = perField.computeIfAbsent(key, k -> new int[2]);
            counts[1]++;
            if (norm(expected).equals(norm(got.get(field)))) {
                counts[0]++;
            } else {
                firstMiss.putIfAbsent(documentId + " " + field, System.getProperty("corpus.debug") == null ? "(differs)" : expected + " <> " + got.get(field));
            }
        });
    }

    public double overall() {
        int right = 0;
        int total = 0;
        for (int[] c : perField.values()) {
            right += c[0];
            total += c[1];
        }
        return total == 0 ? 0 : (double) right / total;
    }

    /** One line per field, right/total and percent; PHI-free (synthetic) but values are left out anyway. */
    public String report() {
        StringBuilder out = new StringBuilder();
        perField.forEach((field, c) -> out.append(String.format(Locale.ROOT, "%-28s %4d/%-4d %6.1f%%%n", field, c[0], c[1], 100.0 * c[0] / c[1])));
        out.append(String.format(Locale.ROOT, "%-28s %11s %6.1f%%%n", "overall", "", 100 * overall()));
        return out.toString();
    }

    public Map<String, String> misses() {
        return firstMiss;
    }

    static Map<String, String> flatten(Extraction e) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("documentType", e.documentType());
        f.put("patient.name", e.patient().name());
        f.put("patient.dateOfBirth", str(e.patient().dateOfBirth()));
        f.put("patient.mrn", e.patient().mrn());
        f.put("dates.document", str(e.dates().document()));
        f.put("dates.collected", str(e.dates().collected()));
        f.put("dates.reported", str(e.dates().reported()));
        for (int i = 0; i < e.labResults().size(); i++) {
            Extraction.LabResult r = e.labResults().get(i);
            String p = "labResults[" + i + "].";
            f.put(p + "test", r.test());
            f.put(p + "value", r.value());
            f.put(p + "unit", r.unit());
            f.put(p + "referenceRange", r.referenceRange());
            f.put(p + "flag", r.flag());
        }
        if (e.referral() != null) {
            f.put("referral.reason", e.referral().reason());
            f.put("referral.from", e.referral().from());
            f.put("referral.to", e.referral().to());
            f.put("referral.urgency", e.referral().urgency());
        }
        if (e.prescription() != null) {
            Extraction.Prescription p = e.prescription();
            f.put("prescription.medication", p.medication());
            f.put("prescription.strength", p.strength());
            f.put("prescription.sig", p.sig());
            f.put("prescription.quantity", str(p.quantity()));
            f.put("prescription.refills", str(p.refills()));
            f.put("prescription.prescriber", p.prescriber());
        }
        return f;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
