package com.ai2aim.rx.identity.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.platform.security.Actors;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On an empty database: creates the bootstrap admin from {@code RX_BOOTSTRAP_ADMIN_EMAIL}/{@code _PASSWORD}, and with
 * {@code RX_DEMO=true} a demo pharmacy, a demo clinic and one user of each role (passwords in the README).
 * Ordered first: other modules' demo seeders (order 100 and later) build on these organisations and users.
 */
@Component
@Order(0)
class InitialUsers implements ApplicationRunner {

    static final String DEMO_PASSWORD = "Demo-Password-2026";
    private static final Logger log = LoggerFactory.getLogger(InitialUsers.class);

    private final UserRepository users;
    private final CredentialRepository credentials;
    private final OrganizationRepository organizations;
    private final Passwords passwords;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final String adminEmail;
    private final String adminPassword;
    private final boolean demo;

    InitialUsers(UserRepository users, CredentialRepository credentials, OrganizationRepository organizations,
                 Passwords passwords, TransactionTemplate transactions, AuditTrail audit,
                 @Value("${rx.bootstrap.admin-email:}") String adminEmail,
                 @Value("${rx.bootstrap.admin-password:}") String adminPassword,
                 @Value("${rx.demo:false}") boolean demo) {
        this.users = users;
        this.credentials = credentials;
        this.organizations = organizations;
        this.passwords = passwords;
        this.transactions = transactions;
        this.audit = audit;
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        Actors.asService(() -> transactions.execute(status -> {
            boolean empty = credentials.countUsers() == 0;
            if (empty && !adminEmail.isBlank()) {
                if (adminPassword.length() < 10) {
                    throw new IllegalStateException("RX_BOOTSTRAP_ADMIN_PASSWORD must be at least 10 characters");
                }
                create(adminEmail, "Bootstrap Admin", "admin", null, adminPassword);
                log.info("created the bootstrap admin account");
            }
            if (demo && users.findByEmail("pharmacist@demo.rx").isEmpty()) {
                seedDemo();
            }
            return null;
        }));
    }

    private void seedDemo() {
        UUID pharmacy = organizations.insert(new OrganizationRequests.Create("Demo Pharmacy", "pharmacy", "1234567893",
                "+15555550100", "pharmacy@demo.rx", Map.of("city", "Springfield", "state", "IL")));
        UUID clinic = organizations.insert(new OrganizationRequests.Create("Demo Clinic", "clinic", "1245319599",
                "+15555550200", "clinic@demo.rx", Map.of("city", "Springfield", "state", "IL")));
        if (users.findByEmail("admin@demo.rx").isEmpty()) {
            create("admin@demo.rx", "Ada Admin", "admin", null, DEMO_PASSWORD);
        }
        create("pharmacist@demo.rx", "Phil Pharmacist", "pharmacist", pharmacy, DEMO_PASSWORD);
        create("technician@demo.rx", "Tess Technician", "technician", pharmacy, DEMO_PASSWORD);
        UUID physician = create("physician@demo.rx", "Dr. Paula Physician", "physician", clinic, DEMO_PASSWORD);
        users.update(physician, null, Map.of("npi", "1003000126", "dea_number", "BP1234563"));
        create("patient@demo.rx", "Pat Patient", "patient", pharmacy, DEMO_PASSWORD);
        log.info("seeded the demo pharmacy, clinic and users");
    }

    private UUID create(String email, String name, String role, UUID org, String password) {
        UUID id = users.insert(email, name, null, role, org, Map.of("full_name", name));
        credentials.setPassword(id, passwords.hash(password));
        audit.recordChange(AuditEntry.of("user.create", "user", id).inOrganisation(org).changed(List.of("email", "role", "org_id", "password")));
        return id;
    }
}
