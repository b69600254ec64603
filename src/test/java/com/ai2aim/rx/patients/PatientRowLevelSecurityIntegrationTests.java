package com.ai2aim.rx.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ai2aim.rx.support.IntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The patient policies proven below the API, over the application's own login role with forged-free claims. */
@IntegrationTest
class PatientRowLevelSecurityIntegrationTests {

    @Autowired DataSource dataSource;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    UUID clinic;
    UUID pharmacy;
    UUID otherPharmacy;
    UUID patientUser;
    UUID patient;

    @BeforeEach
    void arrange() {
        JdbcClient db = JdbcClient.create(owner);
        clinic = db.sql("insert into organizations (name, kind) values ('RLS Clinic', 'clinic') returning id").query(UUID.class).single();
        pharmacy = db.sql("insert into organizations (name, kind) values ('RLS Pharmacy', 'pharmacy') returning id").query(UUID.class).single();
        otherPharmacy = db.sql("insert into organizations (name, kind) values ('RLS Other', 'pharmacy') returning id").query(UUID.class).single();
        patientUser = db.sql("insert into users (email, role, org_id) values (?, 'patient', ?) returning id")
                .params("p-" + UUID.randomUUID() + "@test.rx", clinic).query(UUID.class).single();
        patient = db.sql("""
                insert into patients (org_id, mrn, first_name, last_name, date_of_birth, sex_at_birth, preferred_pharmacy_id, user_id)
                values (?, ?, 'Rowan', 'Policy', date '1970-01-01', 'male', ?, ?) returning id""")
                .params(clinic, "RLS-" + UUID.randomUUID(), pharmacy, patientUser).query(UUID.class).single();
        db.sql("insert into patient_allergies (patient_id, substance) values (?, 'Latex')").param(patient).update();
    }

    @Test
    void staffOfTheOrganisationAndOfThePreferredPharmacySeeThePatientOthersDoNot() throws SQLException {
        assertThat(visible("physician", clinic)).isEqualTo(2); // the patient and its allergy
        assertThat(visible("technician", pharmacy)).isEqualTo(2);
        assertThat(visible("pharmacist", otherPharmacy)).isZero();
        assertThat(visible("admin", otherPharmacy)).isZero();
    }

    @Test
    void preferredPharmacyStaffCannotChangeThePatientOrItsAllergies() throws SQLException {
        try (Connection c = connection(UUID.randomUUID(), "pharmacist", pharmacy)) {
            assertThat(c.createStatement().executeUpdate("update patients set first_name = 'X' where id = '" + patient + "'")).isZero();
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "insert into patient_allergies (patient_id, substance) values ('" + patient + "', 'Dust')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
            c.rollback();
        }
    }

    @Test
    void aTechnicianCannotRecordAnAllergyEvenWithDirectSql() throws SQLException {
        try (Connection c = connection(UUID.randomUUID(), "technician", clinic)) {
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "insert into patient_allergies (patient_id, substance) values ('" + patient + "', 'Dust')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
            c.rollback();
        }
    }

    @Test
    void aPatientChangesOnlyContactDetailsOfTheirOwnRecordEvenWithDirectSql() throws SQLException {
        try (Connection c = connection(patientUser, "patient", clinic)) {
            assertThat(c.createStatement().executeUpdate("update patients set phone = '+15555550100' where id = '" + patient + "'")).isOne();
            assertThatThrownBy(() -> c.createStatement().executeUpdate("update patients set date_of_birth = date '1999-01-01' where id = '" + patient + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("only contact details");
            c.rollback();
        }
        try (Connection c = connection(UUID.randomUUID(), "patient", clinic)) {
            assertThat(count(c, "select count(*) from patients where id = '" + patient + "'")).isZero();
            c.rollback();
        }
    }

    @Test
    void noRequestRoleCanHardDeleteAPatient() throws SQLException {
        try (Connection c = connection(UUID.randomUUID(), "admin", null)) {
            assertThatThrownBy(() -> c.createStatement().executeUpdate("delete from patients where id = '" + patient + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            c.rollback();
        }
    }

    private long visible(String role, UUID org) throws SQLException {
        try (Connection c = connection(UUID.randomUUID(), role, org)) {
            long n = count(c, "select count(*) from patients where id = '" + patient + "'")
                    + count(c, "select count(*) from patient_allergies where patient_id = '" + patient + "'");
            c.rollback();
            return n;
        }
    }

    private Connection connection(UUID user, String role, UUID org) throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        String claims = "{\"sub\":\"" + user + "\",\"role\":\"authenticated\",\"app_metadata\":{\"rx_role\":\"" + role + "\",\"org_id\":"
                + (org == null ? "null" : "\"" + org + "\"") + "}}";
        try (PreparedStatement s = c.prepareStatement("select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ?, true)")) {
            s.setString(1, claims);
            s.execute();
        }
        return c;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
