package com.ai2aim.rx.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Patients and prescriptions made through the real API for tests that need one: a patient of the Demo Pharmacy
 * written for by the demo physician, and prescriptions of reference catalogue products picked by a SQL condition.
 */
public final class ClinicalFixture {

    private final Api api;
    private final TestUsers users;
    private final JdbcClient owner;

    public ClinicalFixture(Api api, TestUsers users, JdbcClient owner) {
        this.api = api;
        this.users = users;
        this.owner = owner;
    }

    /** A new patient (synthetic name, born 1970) whose preferred pharmacy is the Demo Pharmacy. */
    public UUID patient() {
        Map<String, Object> patient = new HashMap<>();
        patient.put("firstName", "Fixture");
        patient.put("lastName", "Patient");
        patient.put("dateOfBirth", "1970-05-06");
        patient.put("sexAtBirth", "female");
        patient.put("mrn", "FX-" + UUID.randomUUID().toString().substring(0, 8));
        patient.put("preferredPharmacyId", users.orgOf(TestUsers.PHARMACIST).toString());
        Api.Response created = api.post("/api/patients", patient).token(users.token(TestUsers.PHYSICIAN)).send();
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return UUID.fromString(created.data().path("id").asString());
    }

    /** The id of the first active reference product (by name) matching a SQL condition on {@code medications}. */
    public String product(String where) {
        List<String> ids = owner.sql("select id::text from medications where org_id is null and is_active and " + where
                + " order by name limit 1").query(String.class).list();
        assertThat(ids).as("a reference product where " + where).isNotEmpty();
        return ids.get(0);
    }

    /** Writes a 30-day prescription as the demo physician, with {@code overrides} replacing the defaults. */
    public UUID prescription(UUID patientId, String medicationId, Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", patientId.toString());
        body.put("medicationId", medicationId);
        body.put("dose", "1 tablet");
        body.put("sig", "Take one tablet by mouth daily");
        body.put("quantity", 30);
        body.put("quantityUnit", "tablet");
        body.put("daysSupply", 30);
        body.put("refillsAuthorized", 0);
        body.putAll(overrides);
        Api.Response created = api.post("/api/prescriptions", body).token(users.token(TestUsers.PHYSICIAN)).send();
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return UUID.fromString(created.data().path("id").asString());
    }

    /** A column or expression of one prescription row, read as the owner. */
    public String prescriptionColumn(UUID id, String expression) {
        return owner.sql("select " + expression + " from prescriptions where id = ?").param(id).query(String.class).optional().orElse(null);
    }
}
