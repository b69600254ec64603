package com.ai2aim.rx.patients;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.security.Role;
import com.ai2aim.rx.support.IntegrationTest;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link Patients#find} as another module calls it: inside that module's transaction, under the caller's RLS. */
@IntegrationTest
class PatientsModuleApiIntegrationTests {

    @Autowired Patients patients;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    JdbcClient db;
    UUID pharmacy;
    UUID clinic;
    UUID demoPatient;
    UUID patientUser;

    @BeforeEach
    void setUp() {
        db = JdbcClient.create(owner);
        pharmacy = db.sql("select id from organizations where name = 'Demo Pharmacy'").query(UUID.class).single();
        clinic = db.sql("select id from organizations where name = 'Demo Clinic'").query(UUID.class).single();
        demoPatient = db.sql("select id from patients where mrn = 'DEMO-P-0001' and org_id = ?").param(pharmacy).query(UUID.class).single();
        patientUser = db.sql("select id from users where email = 'patient@demo.rx'").query(UUID.class).single();
    }

    @Test
    void findsAVisiblePatientWithItsCurrentAllergiesAndConditions() {
        Optional<PatientView> found = inTransactionAs(actor(UUID.randomUUID(), Role.PHARMACIST, pharmacy), () -> patients.find(demoPatient));

        assertThat(found).isPresent();
        PatientView p = found.get();
        assertThat(p.orgId()).isEqualTo(pharmacy);
        assertThat(p.mrn()).isEqualTo("DEMO-P-0001");
        assertThat(p.userId()).isEqualTo(patientUser);
        assertThat(p.active()).isTrue();
        assertThat(p.allergies()).extracting(AllergyView::rxcui).containsExactly("723");
        assertThat(p.allergies()).extracting(AllergyView::drugClass).containsExactly("Penicillins");
        assertThat(p.conditions()).extracting(ConditionView::icd10Code).containsExactly("E11.9");
    }

    @Test
    void anotherOrganisationsStaffFindNothing() {
        assertThat(inTransactionAs(actor(UUID.randomUUID(), Role.PHYSICIAN, clinic), () -> patients.find(demoPatient))).isEmpty();
        assertThat(inTransactionAs(actor(UUID.randomUUID(), Role.PATIENT, pharmacy), () -> patients.find(demoPatient))).isEmpty();
        assertThat(inTransactionAs(actor(patientUser, Role.PATIENT, pharmacy), () -> patients.find(demoPatient))).isPresent();
    }

    @Test
    void runsInTheCallersTransactionAndSeesItsUncommittedWork() {
        Actor pharmacist = actor(UUID.randomUUID(), Role.PHARMACIST, pharmacy);
        Optional<PatientView> seen = inTransactionAs(pharmacist, () -> {
            UUID id = jdbc.sql("""
                    insert into patients (org_id, mrn, first_name, last_name, date_of_birth, sex_at_birth)
                    values (?, ?, 'Uncommitted', 'Row', date '1988-08-08', 'unknown') returning id""")
                    .params(pharmacy, "TX-" + UUID.randomUUID()).query(UUID.class).single();
            Optional<PatientView> inside = patients.find(id);
            throw new Rollback(inside);
        });
        assertThat(seen).isPresent();
        assertThat(seen.get().firstName()).isEqualTo("Uncommitted");
        assertThat(db.sql("select count(*) from patients where first_name = 'Uncommitted'").query(Long.class).single()).isZero();
    }

    @Test
    void softDeletedPatientsAreNotFound() {
        UUID id = db.sql("""
                insert into patients (org_id, mrn, first_name, last_name, date_of_birth, sex_at_birth, deleted_at, is_active)
                values (?, ?, 'Gone', 'Away', date '1960-06-06', 'male', now(), false) returning id""")
                .params(pharmacy, "DEL-" + UUID.randomUUID()).query(UUID.class).single();
        assertThat(inTransactionAs(actor(UUID.randomUUID(), Role.PHARMACIST, pharmacy), () -> patients.find(id))).isEmpty();
    }

    /** Carries a result out of a transaction that must roll back. */
    private static final class Rollback extends RuntimeException {
        final transient Optional<PatientView> result;

        Rollback(Optional<PatientView> result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    private Optional<PatientView> inTransactionAs(Actor actor, java.util.function.Supplier<Optional<PatientView>> work) {
        return Actors.as(actor, () -> {
            try {
                return transactions.execute(status -> work.get());
            } catch (Rollback r) {
                return r.result;
            }
        });
    }

    private static Actor actor(UUID user, Role role, UUID org) {
        String claims = "{\"sub\":\"" + user + "\",\"role\":\"authenticated\",\"app_metadata\":{\"rx_role\":\"" + role.value()
                + "\",\"org_id\":\"" + org + "\"}}";
        return new Actor(user, role.value() + "@test.rx", role, org, null, claims);
    }
}
