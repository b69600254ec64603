package com.ai2aim.rx.patients;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.Api;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Valid patient bodies (obviously fictional) and small helpers shared by the patient tests. */
final class PatientFixtures {

    private PatientFixtures() {}

    static String uniqueMrn() {
        return "T-" + UUID.randomUUID().toString().substring(0, 18);
    }

    /** A random surname prefix no other test uses, letters only. */
    static String uniqueLetters(int length) {
        StringBuilder s = new StringBuilder("Zz");
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    static Map<String, Object> minimal(String mrn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mrn", mrn);
        body.put("firstName", "Alex");
        body.put("lastName", "Fictional");
        body.put("dateOfBirth", "1975-06-15");
        body.put("sexAtBirth", "female");
        return body;
    }

    /** Every section filled, clinical lists included. */
    static Map<String, Object> full(String mrn) {
        Map<String, Object> body = minimal(mrn);
        body.put("genderIdentity", "woman");
        body.put("phone", "+15555550123");
        body.put("email", "alex.fictional@example.invalid");
        body.put("address", Map.of("line1", "12 Imaginary Lane", "city", "Nowhere", "state", "IL", "postalCode", "62701", "country", "US"));
        body.put("communicationPreferences", Map.of(
                "channels", List.of("sms", "email"),
                "consent", Map.of("sms", Map.of("granted", true), "email", Map.of("granted", true, "at", "2025-01-02T03:04:05Z"),
                        "push", Map.of("granted", false)),
                "quietHours", Map.of("start", "22:00", "end", "07:00", "timezone", "America/Chicago")));
        body.put("allergies", new ArrayList<>(List.of(
                new LinkedHashMap<>(Map.of("substance", "Amoxicillin", "rxcui", "723", "drugClass", "Penicillins", "reaction", "Hives", "severity", "severe")))));
        body.put("conditions", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("icd10Code", "E11.9", "text", "Type 2 diabetes mellitus")))));
        body.put("coverages", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("payerName", "Imaginary Health", "memberId", "MEM123456",
                "groupNumber", "GRP1", "bin", "610014", "pcn", "PCN-01", "relationship", "self", "priority", 1)))));
        return body;
    }

    static UUID create(Api api, String token, Map<String, Object> body) {
        Api.Response created = api.post("/api/patients", body).token(token).send();
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return UUID.fromString(created.data().path("id").asString());
    }

    static long patientRows(JdbcClient db) {
        return db.sql("select count(*) from patients").query(Long.class).single();
    }

    static long rowsWithMrn(JdbcClient db, String mrn) {
        return db.sql("select count(*) from patients where mrn = ?").param(mrn).query(Long.class).single();
    }

    static List<String> errorFields(Api.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("error").path("details").forEach(d -> fields.add(d.path("field").asString()));
        return fields;
    }
}
