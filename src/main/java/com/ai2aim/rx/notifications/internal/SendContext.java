package com.ai2aim.rx.notifications.internal;

import com.ai2aim.rx.identity.Users;
import com.ai2aim.rx.notifications.SendNotification;
import com.ai2aim.rx.patients.PatientContact;
import com.ai2aim.rx.patients.Patients;
import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.prescriptions.PrescriptionView;
import com.ai2aim.rx.prescriptions.Prescriptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Finds the recipient and the variables the records give, through the owning modules' APIs and so under the caller's
 * row-level security: a patient, user or prescription the caller may not see is a 404, exactly as if it did not
 * exist. Variables from the records win over those in the request.
 */
@Component
class SendContext {

    private final Patients patients;
    private final Users users;
    private final Prescriptions prescriptions;

    SendContext(Patients patients, Users users, Prescriptions prescriptions) {
        this.patients = patients;
        this.users = users;
        this.prescriptions = prescriptions;
    }

    record Resolved(DeliveryPolicy.Recipient recipient, Map<String, String> variables) {}

    Resolved resolve(SendNotification request, Actor actor) {
        Map<String, String> derived = new HashMap<>();
        DeliveryPolicy.Recipient recipient;
        UUID pharmacy = null;
        if (request.patientId() != null) {
            PatientContact p = patients.contact(request.patientId()).orElseThrow(() -> ApiException.notFound("Patient"));
            recipient = new DeliveryPolicy.Recipient(p.patientId(), p.userId(), p.orgId(), p.email(), p.phone(), p.consent(),
                    p.quietHours() == null ? null : new DeliveryPolicy.QuietHours(p.quietHours().start(), p.quietHours().end(),
                            p.quietHours().timezone()), p.channels(), p.language());
            derived.put("patientName", (p.firstName() + " " + p.lastName()).strip());
            derived.put("recipientName", derived.get("patientName"));
            pharmacy = p.preferredPharmacyId();
        } else {
            Users.UserContact u = users.contact(request.userId()).filter(Users.UserContact::active)
                    .orElseThrow(() -> ApiException.notFound("User"));
            recipient = new DeliveryPolicy.Recipient(null, u.id(), u.orgId(), u.email(), u.phone(), Map.of(), null, List.of(), u.language());
            if (u.fullName() != null && !u.fullName().isBlank()) {
                derived.put("recipientName", u.fullName());
            }
        }
        if (request.prescriptionId() != null) {
            PrescriptionView rx = prescriptions.find(request.prescriptionId()).orElseThrow(() -> ApiException.notFound("Prescription"));
            if (request.patientId() != null && !rx.patientId().equals(request.patientId())) {
                throw ApiException.invalid("prescriptionId", "is not this patient's prescription");
            }
            putIfPresent(derived, "prescriptionNumber", rx.rxNumber());
            putIfPresent(derived, "medicationName", rx.medication() == null ? null : rx.medication().name());
            if (rx.expiresOn() != null) {
                derived.put("expiresOn", rx.expiresOn().toString());
            }
            pharmacy = rx.pharmacyId() != null ? rx.pharmacyId() : pharmacy;
        }
        UUID pharmacyOrg = pharmacy != null ? pharmacy : actor.orgId();
        Optional.ofNullable(pharmacyOrg).flatMap(users::organisationName).ifPresent(name -> derived.put("pharmacyName", name));
        Map<String, String> variables = new HashMap<>(request.variables());
        variables.putAll(derived);
        return new Resolved(recipient, Map.copyOf(variables));
    }

    private static void putIfPresent(Map<String, String> variables, String name, String value) {
        if (value != null && !value.isBlank()) {
            variables.put(name, value);
        }
    }
}
