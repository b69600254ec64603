package com.ai2aim.rx.patients.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.platform.security.Actors;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code RX_DEMO=true}: a few obviously fictional patients in Demo Pharmacy and Demo Clinic (whose patients
 * fill at Demo Pharmacy), one of them linked to {@code patient@demo.rx}. Runs after identity's demo users and
 * only once: a second start finds the first demo MRN and does nothing.
 */
@Component
@Order(100)
class DemoPatients implements ApplicationRunner {

    static final String LINKED_MRN = "DEMO-P-0001";
    private static final Logger log = LoggerFactory.getLogger(DemoPatients.class);

    private final JdbcClient jdbc;
    private final PatientRepository patients;
    private final ClinicalRepository clinical;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final boolean demo;

    DemoPatients(JdbcClient jdbc, PatientRepository patients, ClinicalRepository clinical, TransactionTemplate transactions,
                 AuditTrail audit, @Value("${rx.demo:false}") boolean demo) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.clinical = clinical;
        this.transactions = transactions;
        this.audit = audit;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo) {
            return;
        }
        Actors.asService(() -> transactions.execute(status -> {
            Optional<UUID> pharmacy = organisation("Demo Pharmacy", "pharmacy");
            Optional<UUID> clinic = organisation("Demo Clinic", "clinic");
            if (pharmacy.isEmpty() || clinic.isEmpty()) {
                log.warn("demo organisations not found; no demo patients seeded");
                return null;
            }
            if (patients.mrnTaken(pharmacy.get(), LINKED_MRN, null)) {
                return null;
            }
            seed(pharmacy.get(), clinic.get());
            log.info("seeded the demo patients");
            return null;
        }));
    }

    private void seed(UUID pharmacy, UUID clinic) {
        UUID patientUser = jdbc.sql("select id from users where lower(email) = 'patient@demo.rx' and role = 'patient'")
                .query(UUID.class).optional().orElse(null);
        UUID linked = create(pharmacy, LINKED_MRN, "Pat", "Example", LocalDate.of(1980, 4, 12), "female", "+15555550111",
                patientUser, null);
        allergy(pharmacy, linked, new PatientRequests.Allergy(null, "Amoxicillin", "723", "Penicillins", "Hives", "severe"));
        condition(pharmacy, linked, new PatientRequests.Condition(null, "E11.9", "Type 2 diabetes mellitus without complications"));

        UUID second = create(pharmacy, "DEMO-P-0002", "Robin", "Sample", LocalDate.of(1955, 11, 3), "male", "+15555550112", null, null);
        condition(pharmacy, second, new PatientRequests.Condition(null, "I10", "Essential (primary) hypertension"));

        UUID clinicPatient = create(clinic, "DEMO-C-0001", "Casey", "Testcase", LocalDate.of(1992, 7, 21), "intersex",
                "+15555550211", null, pharmacy);
        allergy(clinic, clinicPatient, new PatientRequests.Allergy(null, null, null, "Sulfonamide antibiotics", "Rash", "moderate"));
        condition(clinic, clinicPatient, new PatientRequests.Condition(null, "J45.909", "Unspecified asthma, uncomplicated"));

        create(clinic, "DEMO-C-0002", "Jordan", "Placeholder", LocalDate.of(2001, 1, 30), "unknown", null, null, pharmacy);
    }

    private UUID create(UUID org, String mrn, String first, String last, LocalDate dob, String sex, String phone,
                        UUID userId, UUID preferredPharmacy) {
        var preferences = new PatientRequests.CommunicationPreferences(List.of("sms", "in_app"),
                new PatientRequests.ChannelConsents(null, new PatientRequests.Consent(true, Instant.now()), null,
                        new PatientRequests.Consent(true, Instant.now())),
                new PatientRequests.QuietHours("21:00", "08:00", "America/Chicago"), null);
        var address = new PatientRequests.Address("1 Example Street", null, "Springfield", "IL", "62701", "US");
        UUID id = patients.insert(new PatientRepository.NewPatient(org, mrn, first, last, dob, sex, null, phone,
                mrn.toLowerCase() + "@example.invalid", address, preferredPharmacy, userId, preferences, null));
        audit.recordChange(AuditEntry.of("patient.create", "patient", id).inOrganisation(org)
                .changed(List.of("org_id", "mrn", "first_name", "last_name", "date_of_birth", "sex_at_birth", "phone",
                        "email", "address", "communication_preferences")));
        return id;
    }

    private void allergy(UUID org, UUID patient, PatientRequests.Allergy allergy) {
        UUID id = clinical.insertAllergy(patient, allergy, null);
        audit.recordChange(AuditEntry.of("patient.allergy.record", "patient", patient).inOrganisation(org)
                .changed(ClinicalRecordService.allergyFields(allergy)).withDetails(Map.of("allergyId", id.toString())));
    }

    private void condition(UUID org, UUID patient, PatientRequests.Condition condition) {
        UUID id = clinical.insertCondition(patient, condition, null);
        audit.recordChange(AuditEntry.of("patient.condition.record", "patient", patient).inOrganisation(org)
                .changed(List.of("icd10_code", "text")).withDetails(Map.of("conditionId", id.toString())));
    }

    private Optional<UUID> organisation(String name, String kind) {
        return jdbc.sql("select id from organizations where name = :name and kind = :kind order by created_at limit 1")
                .param("name", name).param("kind", kind).query(UUID.class).optional();
    }
}
