package com.ai2aim.rx.documents.internal.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline extractor: classifies by keyword scores, then reads each field from the label it is printed after.
 * Confidence is how sure the reader was of the text times the share of the type's expected fields that were found,
 * scaled by how clearly the type won; every missing expected field is named in the warnings.
 */
public final class DeterministicExtractor {

    private static final Pattern STRENGTH = Pattern.compile(
            "(?i)(?<amount>\\d+(?:\\.\\d+)?)\\s?(?<unit>mg/mL|mg/5 ?mL|mcg|mg|g|mL|units?|%)\\b");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,.;:]+$");

    public Extraction extract(DocumentText text, String typeHint) {
        String clean = OcrTolerantText.normalise(text.text());
        Classifier.Result type = Classifier.classify(clean, typeHint);
        Extraction.Patient patient = new Extraction.Patient(name(clean), date(Labels.DOB, clean), mrn(clean));
        boolean lab = type.type().equals("lab_result");
        Extraction.Dates dates = new Extraction.Dates(date(Labels.DATE, clean),
                lab ? date(Labels.COLLECTED, clean) : null, lab ? date(Labels.REPORTED, clean) : null);
        List<Extraction.LabResult> labs = lab ? LabTable.rows(Arrays.asList(clean.split("\n"))) : List.of();
        Extraction.Referral referral = type.type().equals("referral") ? referral(clean) : null;
        Extraction.Prescription prescription = type.type().equals("prescription") ? prescription(clean) : null;
        Map<String, Object> expected = ExpectedFields.of(type.type(), patient, dates, labs, referral, prescription);
        return score(text, type, expected, new Extraction(type.type(), 0, patient, dates, labs, referral, prescription,
                Map.of(), List.of(), "deterministic"));
    }

    private static Extraction score(DocumentText text, Classifier.Result type, Map<String, Object> expected, Extraction draft) {
        Map<String, Double> fields = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        int found = 0;
        for (Map.Entry<String, Object> field : expected.entrySet()) {
            boolean present = field.getValue() != null;
            fields.put(field.getKey(), present ? round(text.readConfidence()) : 0.0);
            if (present) {
                found++;
            } else {
                warnings.add("missing:" + field.getKey());
            }
        }
        if (type.type().equals("unknown")) {
            warnings.add("type_not_recognised");
        }
        double completeness = expected.isEmpty() ? 0 : (double) found / expected.size();
        double certainty = Math.min(1.0, 0.5 + type.certainty());
        double confidence = round(text.readConfidence() * completeness * certainty);
        return new Extraction(draft.documentType(), confidence, draft.patient(), draft.dates(), draft.labResults(),
                draft.referral(), draft.prescription(), fields, warnings, draft.extractor());
    }

    private static String name(String text) {
        return Labels.value(Labels.NAME, text).map(DeterministicExtractor::tidy).filter(n -> n.matches("(?U)[\\p{L} .'-]{2,200}"))
                .orElse(null);
    }

    private static String mrn(String text) {
        Matcher m = Labels.MRN.matcher(text);
        return m.find() ? m.group("v").toUpperCase(Locale.ROOT) : null;
    }

    private static LocalDate date(Pattern label, String text) {
        return Labels.value(label, text).flatMap(DateText::first).orElse(null);
    }

    private static Extraction.Referral referral(String text) {
        String urgency = Labels.value(Labels.URGENCY, text).map(u -> u.toLowerCase(Locale.ROOT))
                .flatMap(u -> List.of("routine", "urgent", "emergency").stream().filter(u::startsWith).findFirst())
                .orElse(null);
        return new Extraction.Referral(Labels.value(Labels.REASON, text).map(DeterministicExtractor::tidy).orElse(null),
                Labels.value(Labels.FROM, text).map(DeterministicExtractor::tidy).orElse(null),
                Labels.value(Labels.TO, text).map(DeterministicExtractor::tidy).orElse(null), urgency);
    }

    private static Extraction.Prescription prescription(String text) {
        String medication = null;
        String strength = null;
        Optional<String> rx = Labels.value(Labels.MEDICATION, text);
        if (rx.isPresent()) {
            String line = OcrTolerantText.digitsIn(rx.get());
            Matcher m = STRENGTH.matcher(line);
            if (m.find()) {
                medication = tidy(line.substring(0, m.start()));
                strength = m.group("amount") + " " + m.group("unit");
            } else {
                medication = tidy(line);
            }
        }
        return new Extraction.Prescription(medication, strength,
                Labels.value(Labels.SIG, text).map(DeterministicExtractor::tidy).orElse(null),
                number(Labels.QUANTITY, text), number(Labels.REFILLS, text),
                Labels.value(Labels.PRESCRIBER, text).map(DeterministicExtractor::tidy).orElse(null));
    }

    private static Integer number(Pattern label, String text) {
        Matcher m = label.matcher(text);
        if (!m.find()) {
            return null;
        }
        String v = m.group("v").toLowerCase(Locale.ROOT);
        if (v.equals("none") || v.equals("zero")) {
            return 0;
        }
        String digits = OcrTolerantText.digits(m.group("v"));
        return digits.matches("\\d{1,6}") ? Integer.valueOf(digits) : null;
    }

    private static String tidy(String value) {
        String v = TRAILING_PUNCTUATION.matcher(value.strip()).replaceFirst("");
        return v.isEmpty() ? null : v;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
