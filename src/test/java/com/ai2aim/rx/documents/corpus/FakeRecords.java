package com.ai2aim.rx.documents.corpus;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Made-up clinical content from a seeded random source: invented name combinations, dates, lab panels, referrals,
 * prescriptions and letters. Nothing here describes a real person. Each method returns the printed lines and fills
 * the ground truth.
 */
final class FakeRecords {

    private static final String[] FIRST = {"Avery", "Jordan", "Morgan", "Riley", "Casey", "Quinn", "Harper", "Rowan",
            "Emerson", "Finley", "Reese", "Dakota", "Skyler", "Hayden", "Parker", "Marlowe", "Tamsin", "Ignatius"};
    private static final String[] LAST = {"Whitlock", "Brennan", "Castellano", "Okafor", "Lindqvist", "Marchetti",
            "Dufresne", "Halvorsen", "Tanaka", "Abernathy", "Kowalczyk", "Ferreira", "Nakamura", "Sorensen",
            "Delacroix", "Ashworth", "Pemberton", "Vasquez"};
    private static final Object[][] TESTS = {
            {"Hemoglobin", "g/dL", 12.0, 16.0, 1}, {"Glucose", "mg/dL", 70.0, 99.0, 0}, {"Sodium", "mmol/L", 135.0, 145.0, 0},
            {"Potassium", "mmol/L", 3.5, 5.1, 1}, {"Creatinine", "mg/dL", 0.6, 1.2, 2}, {"ALT", "U/L", 7.0, 56.0, 0},
            {"TSH", "mIU/L", 0.4, 4.0, 2}, {"Platelets", "K/uL", 150.0, 400.0, 0}, {"Hematocrit", "%", 36.0, 46.0, 1},
            {"Calcium", "mg/dL", 8.5, 10.2, 1}, {"Total cholesterol", "mg/dL", 125.0, 200.0, 0},
            {"White blood cells", "K/uL", 4.5, 11.0, 1}, {"Urea nitrogen", "mg/dL", 7.0, 20.0, 0},
            {"Ferritin", "ng/mL", 24.0, 336.0, 0}, {"Magnesium", "mg/dL", 1.7, 2.2, 1}};
    private static final String[] REASONS = {"Exertional chest pain with abnormal ECG", "Persistent microscopic hematuria",
            "Suspected obstructive sleep apnea", "Poorly controlled type 2 diabetes", "New onset atrial fibrillation",
            "Chronic lower back pain not responding to therapy", "Recurrent migraine with aura",
            "Rising creatinine over six months", "Suspicious pigmented skin lesion", "Iron deficiency anemia of unclear cause"};
    private static final String[] CLINICS = {"Riverside Family Practice", "Hillcrest Medical Group", "Oakview Health Center",
            "Lakeshore Primary Care", "Maple Street Clinic"};
    private static final String[] SPECIALTIES = {"Cardiology", "Nephrology", "Sleep Medicine", "Endocrinology",
            "Dermatology", "Neurology", "Hematology", "Pain Management"};
    private static final String[] HOSPITALS = {"St Aldric Hospital", "Northgate Medical Center", "Bayview General Hospital"};
    private static final Object[][] MEDS = {{"Amoxicillin", "500 mg", "capsule"}, {"Lisinopril", "10 mg", "tablet"},
            {"Metformin", "850 mg", "tablet"}, {"Atorvastatin", "20 mg", "tablet"}, {"Sertraline", "50 mg", "tablet"},
            {"Levothyroxine", "75 mcg", "tablet"}, {"Amlodipine", "5 mg", "tablet"}, {"Omeprazole", "20 mg", "capsule"},
            {"Prednisone", "10 mg", "tablet"}, {"Gabapentin", "300 mg", "capsule"}};
    private static final String[] SIGS = {"Take 1 %s by mouth once daily", "Take 1 %s by mouth twice daily",
            "Take 1 %s by mouth three times daily for 10 days", "Take 2 %ss by mouth at bedtime",
            "Take 1 %s by mouth every morning with food"};
    private static final DateTimeFormatter[] FORMATS = {DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("MM/dd/yyyy"), DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH)};
    /** A fixed day in the past, so generated dates never lie in the future whatever day the tests run. */
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    private final Random random;
    final Map<String, String> truth = new LinkedHashMap<>();
    final List<SyntheticDocument.Line> lines = new ArrayList<>();
    private final DateTimeFormatter dates;

    FakeRecords(Random random) {
        this.random = random;
        this.dates = FORMATS[random.nextInt(FORMATS.length)];
    }

    void lab() {
        truth.put("documentType", "lab_result");
        line(pick(new String[] {"NORTHWIND CLINICAL LABORATORY", "CEDAR PATHOLOGY SERVICES", "ALDER DIAGNOSTIC LABORATORY"}));
        line("LABORATORY REPORT");
        patientLine(true);
        LocalDate collected = recent();
        line("Date of collection: " + date("dates.collected", collected));
        line("Date reported: " + date("dates.reported", collected.plusDays(1)));
        line("");
        row("Test", "Result", "Units", "Reference range", "Flag");
        List<Object[]> panel = new ArrayList<>(List.of(TESTS));
        java.util.Collections.shuffle(panel, random);
        int count = 4 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            labRow(i, panel.get(i));
        }
        line("");
        line("Specimen: venous blood. Results verified by the laboratory.");
    }

    private void labRow(int i, Object[] test) {
        double low = (double) test[2];
        double high = (double) test[3];
        int decimals = (int) test[4];
        double roll = random.nextDouble();
        double value = roll < 0.2 ? low * (0.6 + 0.3 * random.nextDouble())
                : roll < 0.4 ? high * (1.1 + 0.4 * random.nextDouble()) : low + (high - low) * random.nextDouble();
        String v = String.format(Locale.ROOT, "%." + decimals + "f", value);
        String range = String.format(Locale.ROOT, "%." + decimals + "f-%." + decimals + "f", low, high);
        double shown = Double.parseDouble(v);
        String flag = shown < low ? "L" : shown > high ? "H" : "N";
        String p = "labResults[" + i + "].";
        truth.put(p + "test", (String) test[0]);
        truth.put(p + "value", v);
        truth.put(p + "unit", (String) test[1]);
        truth.put(p + "referenceRange", range);
        truth.put(p + "flag", flag);
        row((String) test[0], v, (String) test[1], range, flag.equals("N") ? "" : flag);
    }

    void referral() {
        truth.put("documentType", "referral");
        String clinic = pick(CLINICS);
        line(clinic.toUpperCase(Locale.ROOT));
        line("REFERRAL LETTER");
        line("Date: " + date("dates.document", recent()));
        String from = "Dr " + pick(FIRST) + " " + pick(LAST) + ", " + clinic;
        String to = pick(SPECIALTIES) + " Department, " + pick(HOSPITALS);
        line("From: " + put("referral.from", from));
        line("To: " + put("referral.to", to));
        patientLine(false);
        line("Urgency: " + capital(put("referral.urgency", pick(new String[] {"routine", "urgent", "emergency"}))));
        line("Reason for referral: " + put("referral.reason", pick(REASONS)));
        line("");
        line("Please see this patient at your earliest convenience.");
        line("Relevant history and recent results are enclosed.");
    }

    void prescription() {
        truth.put("documentType", "prescription");
        String prescriber = "Dr " + pick(FIRST) + " " + pick(LAST);
        line(pick(CLINICS));
        line(prescriber + ", MD NPI " + (1000000000L + random.nextInt(900000000)));
        line("Date: " + date("dates.document", recent()));
        patientLine(false);
        line("");
        Object[] med = MEDS[random.nextInt(MEDS.length)];
        truth.put("prescription.medication", (String) med[0]);
        truth.put("prescription.strength", (String) med[1]);
        line("Rx: " + med[0] + " " + med[1] + " " + med[2]);
        line("Sig: " + put("prescription.sig", String.format(Locale.ROOT, pick(SIGS), med[2])));
        int qty = 10 * (1 + random.nextInt(9));
        int refills = random.nextInt(6);
        row("Qty: " + put("prescription.quantity", String.valueOf(qty)), "Refills: " + put("prescription.refills", String.valueOf(refills)));
        line("Substitution permitted");
        line("Prescriber: " + put("prescription.prescriber", prescriber));
    }

    void letter() {
        truth.put("documentType", "letter");
        String clinic = pick(CLINICS);
        line(clinic);
        line("Date: " + date("dates.document", recent()));
        line("");
        line("Dear Dr " + pick(LAST) + ",");
        String name = name();
        LocalDate dob = birth();
        line("Re: " + name + ", DOB " + date("patient.dateOfBirth", dob));
        line("");
        line("Thank you for asking me to see your patient, whom I saw in clinic today.");
        line("I saw no reason for concern and have arranged a routine follow-up in three months.");
        line("");
        line("Kind regards,");
        line("Dr " + pick(FIRST) + " " + pick(LAST));
    }

    private void patientLine(boolean mrn) {
        String name = name();
        LocalDate dob = birth();
        String label = pick(new String[] {"Patient", "Patient name", "Name"});
        row(label + ": " + name, "DOB: " + date("patient.dateOfBirth", dob));
        if (mrn) {
            line("MRN: " + put("patient.mrn", "MRN" + (100000 + random.nextInt(899999))));
        }
    }

    private String name() {
        return put("patient.name", pick(FIRST) + " " + pick(LAST));
    }

    private LocalDate birth() {
        return TODAY.minusYears(18 + random.nextInt(70)).minusDays(random.nextInt(365));
    }

    private LocalDate recent() {
        return TODAY.minusDays(1 + random.nextInt(600));
    }

    private String date(String field, LocalDate date) {
        truth.put(field, date.toString());
        return date.format(dates);
    }

    private String put(String field, String value) {
        truth.put(field, value);
        return value;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private void line(String text) {
        lines.add(SyntheticDocument.Line.of(text));
    }

    private void row(String... cells) {
        float[] columns = cells.length == 2 ? new float[] {0f, 0.55f} : new float[] {0f, 0.33f, 0.48f, 0.65f, 0.9f};
        List<SyntheticDocument.Cell> row = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            if (!cells[i].isEmpty()) {
                row.add(new SyntheticDocument.Cell(cells[i], columns[i]));
            }
        }
        lines.add(new SyntheticDocument.Line(row));
    }
}
