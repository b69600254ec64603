package com.ai2aim.rx.prescriptions.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.identity.Users;
import com.ai2aim.rx.medications.MedicationView;
import com.ai2aim.rx.medications.Medications;
import com.ai2aim.rx.patients.PatientView;
import com.ai2aim.rx.patients.Patients;
import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.security.Role;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ETags;
import com.ai2aim.rx.platform.web.ErrorCode;
import com.ai2aim.rx.platform.web.PageQuery;
import com.ai2aim.rx.platform.web.PageResult;
import com.ai2aim.rx.prescriptions.PrescriptionChanged;
import com.ai2aim.rx.prescriptions.PrescriptionStatus;
import com.ai2aim.rx.prescriptions.PrescriptionView;
import com.ai2aim.rx.prescriptions.PrescriptionWritten;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing and changing prescriptions. Each move locks the row, checks who may make it and whether the lifecycle
 * allows it, then changes state and records the change in the audit trail, all in one transaction.
 */
@Service
class PrescriptionService {

    private final PrescriptionRepository prescriptions;
    private final Patients patients;
    private final Medications medications;
    private final Users users;
    private final AuditTrail audit;
    private final ControlledSubstanceRules controlledRules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PrescriptionService(PrescriptionRepository prescriptions, Patients patients, Medications medications, Users users,
                        AuditTrail audit, ApplicationEventPublisher events,
                        @Value("${rx.prescriptions.default-validity-months:12}") int validityMonths) {
        this.prescriptions = prescriptions;
        this.patients = patients;
        this.medications = medications;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.controlledRules = new ControlledSubstanceRules(Period.ofMonths(validityMonths));
        this.clock = Clock.systemDefaultZone();
    }

    @Transactional(readOnly = true)
    public PrescriptionView get(UUID id) {
        return prescriptions.find(id).orElseThrow(() -> ApiException.notFound("Prescription"));
    }

    @Transactional(readOnly = true)
    public PageResult<PrescriptionView> list(PrescriptionRepository.Filter filter, PageQuery page) {
        return prescriptions.list(filter, page);
    }

    @Transactional
    public PrescriptionView create(PrescriptionRequests.Create request) {
        Actor actor = Actors.required();
        if (actor.role() != Role.PHYSICIAN && !actor.isAdmin()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only physicians (or admins on their behalf) write prescriptions");
        }
        UUID prescriberId = request.prescriberId() != null ? request.prescriberId() : actor.userId();
        if (actor.role() == Role.PHYSICIAN && !prescriberId.equals(actor.userId())) {
            throw new ApiException(ErrorCode.FORBIDDEN, "A physician writes prescriptions in their own name");
        }
        PatientView patient = patients.find(request.patientId())
                .filter(PatientView::active)
                .orElseThrow(() -> ApiException.invalid("patientId", "no such active patient"));
        MedicationView medication = medications.find(request.medicationId())
                .filter(MedicationView::active)
                .orElseThrow(() -> ApiException.invalid("medicationId", "no such active medication"));
        Users.PrescriberView prescriber = users.prescriber(prescriberId)
                .filter(p -> p.active() && p.isPhysician())
                .orElseThrow(() -> ApiException.invalid("prescriberId", "must be an active physician"));
        if (prescriber.npi() == null) {
            throw ApiException.invalid("prescriberId", "the prescriber has no NPI on file");
        }
        Integer schedule = medication.deaSchedule();
        controlledRules.checkPrescriber(schedule, prescriber.deaNumber());
        controlledRules.checkRefills(schedule, request.refillsAuthorized());
        LocalDate today = LocalDate.now(clock);
        LocalDate written = request.writtenDate() != null ? request.writtenDate() : today;
        if (written.isBefore(today.minusYears(1))) {
            throw ApiException.invalid("writtenDate", "must be within the last year");
        }
        LocalDate expires = controlledRules.expiry(schedule, written, request.expiresOn());
        UUID id = prescriptions.insert(new PrescriptionRepository.NewPrescription(patient.orgId(), patient.id(), prescriberId,
                medication.id(), request.pharmacyId() != null ? request.pharmacyId() : patient.preferredPharmacyId(),
                request.dose().trim(), request.sig().trim(), request.quantity(), request.quantityUnit(), request.daysSupply(),
                request.refillsAuthorized(), written, expires,
                request.substitutionAllowed() == null || request.substitutionAllowed(), request.diagnosisCode(),
                request.diagnosisText(), schedule, actor.userId()));
        audit.recordChange(AuditEntry.of("prescription.create", "prescription", id).inOrganisation(patient.orgId())
                .changed(List.of("patient_id", "prescriber_id", "medication_id", "dose", "sig", "quantity", "days_supply",
                        "refills_authorized", "written_date", "expires_on")));
        // Published inside the transaction: the outbox row commits with the prescription or not at all.
        events.publishEvent(new PrescriptionWritten(id));
        return prescriptions.find(id).orElseThrow();
    }

    @Transactional
    public PrescriptionView update(UUID id, PrescriptionRequests.Update request, Integer expectedVersion) {
        Actor actor = Actors.required();
        PrescriptionView current = lockVisible(id);
        requirePrescriberOrAdmin(actor, current);
        Lifecycle.requireEditable(current.lifecycleStatus());
        Map<String, Object> columns = new LinkedHashMap<>();
        if (request.pharmacyId() != null) columns.put("pharmacy_id", request.pharmacyId());
        if (request.dose() != null) columns.put("dose", request.dose().trim());
        if (request.sig() != null) columns.put("sig", request.sig().trim());
        if (request.quantity() != null) columns.put("quantity", request.quantity());
        if (request.quantityUnit() != null) columns.put("quantity_unit", request.quantityUnit());
        if (request.daysSupply() != null) columns.put("days_supply", request.daysSupply());
        if (request.refillsAuthorized() != null) {
            controlledRules.checkRefills(current.deaSchedule(), request.refillsAuthorized());
            columns.put("refills_authorized", request.refillsAuthorized());
            columns.put("refills_remaining", request.refillsAuthorized());
        }
        if (request.substitutionAllowed() != null) columns.put("substitution_allowed", request.substitutionAllowed());
        if (request.diagnosisCode() != null) columns.put("diagnosis_code", request.diagnosisCode());
        if (request.diagnosisText() != null) columns.put("diagnosis_text", request.diagnosisText());
        if (columns.isEmpty()) {
            return current;
        }
        if (!prescriptions.update(id, expectedVersion, columns)) {
            throw ETags.stale();
        }
        // A changed prescription must be verified again: its old findings no longer describe it.
        prescriptions.clearVerification(id);
        columns.put("verification", null);
        audit.recordChange(AuditEntry.of("prescription.update", "prescription", id).inOrganisation(current.orgId())
                .changed(new ArrayList<>(columns.keySet())));
        events.publishEvent(new PrescriptionChanged(id));
        return prescriptions.find(id).orElseThrow();
    }

    @Transactional
    public PrescriptionView approve(UUID id) {
        Actor actor = Actors.required();
        PrescriptionView current = lockVisible(id);
        if (!current.prescriberId().equals(actor.userId())) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only the prescribing physician may approve this prescription");
        }
        PrescriptionStatus next = Lifecycle.approve(current.lifecycleStatus());
        if ("failed".equals(current.verificationStatus())) {
            throw new ApiException(ErrorCode.CONFLICT, "Verification failed; a pharmacist must review it before approval");
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("status", next.value());
        columns.put("approved_by", actor.userId());
        columns.put("approved_at", java.sql.Timestamp.from(clock.instant()));
        prescriptions.update(id, null, columns);
        audit.recordChange(AuditEntry.of("prescription.approve", "prescription", id).inOrganisation(current.orgId())
                .changed(List.of("status", "approved_by", "approved_at")));
        return prescriptions.find(id).orElseThrow();
    }

    @Transactional
    public PrescriptionView reject(UUID id, String reason) {
        Actor actor = Actors.required();
        PrescriptionView current = lockVisible(id);
        if (!current.prescriberId().equals(actor.userId()) && actor.role() != Role.PHARMACIST && !actor.isAdmin()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only the prescriber, a pharmacist or an admin may reject a prescription");
        }
        PrescriptionStatus next = Lifecycle.reject(current.lifecycleStatus());
        return endWith(current, next, reason, "prescription.reject");
    }

    @Transactional
    public PrescriptionView cancel(UUID id, String reason, boolean delete) {
        Actor actor = Actors.required();
        PrescriptionView current = lockVisible(id);
        requirePrescriberOrAdmin(actor, current);
        PrescriptionStatus next = Lifecycle.cancel(current.lifecycleStatus());
        PrescriptionView cancelled = endWith(current, next, reason, delete ? "prescription.delete" : "prescription.cancel");
        if (delete) {
            prescriptions.update(id, null, Map.of("deleted_at", java.sql.Timestamp.from(clock.instant())));
        }
        return cancelled;
    }

    @Transactional
    public PrescriptionView fill(UUID id, PrescriptionRequests.Fill request, String normalisedNdc) {
        Actor actor = Actors.required();
        if (actor.role() != Role.PHARMACIST && actor.role() != Role.TECHNICIAN) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only pharmacists and technicians fill prescriptions");
        }
        PrescriptionView current = lockVisible(id);
        requireFillingPharmacy(actor, current);
        boolean refill = current.lifecycleStatus() == PrescriptionStatus.DISPENSED;
        PrescriptionStatus next = Lifecycle.fill(current.lifecycleStatus(), current.refillsRemaining(), current.expiresOn(),
                LocalDate.now(clock));
        if (request.quantity().compareTo(current.quantity()) > 0) {
            throw ApiException.invalid("quantity", "must not exceed the prescribed quantity " + current.quantity().toPlainString());
        }
        if (request.lotExpiresOn() != null && request.lotExpiresOn().isBefore(LocalDate.now(clock))) {
            throw ApiException.invalid("lotExpiresOn", "the lot has expired");
        }
        UUID fillId = prescriptions.insertFill(id, actor.userId(), request.quantity(), normalisedNdc, request.lot(), request.lotExpiresOn());
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("status", next.value());
        if (refill) {
            columns.put("refills_remaining", current.refillsRemaining() - 1);
        }
        prescriptions.update(id, null, columns);
        audit.recordChange(AuditEntry.of("prescription.fill", "prescription", id).inOrganisation(current.orgId())
                .changed(new ArrayList<>(columns.keySet())).withDetails(Map.of("fillId", fillId.toString(), "refill", refill)));
        return prescriptions.find(id).orElseThrow();
    }

    @Transactional
    public PrescriptionView dispense(UUID id, PrescriptionRequests.Dispense request) {
        Actor actor = Actors.required();
        if (actor.role() != Role.PHARMACIST) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only pharmacists dispense prescriptions");
        }
        PrescriptionView current = lockVisible(id);
        requireFillingPharmacy(actor, current);
        PrescriptionStatus next = Lifecycle.dispense(current.lifecycleStatus());
        UUID fillId = prescriptions.undispensedFill(id)
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "There is no fill waiting to be dispensed"));
        UUID dispenseId = prescriptions.insertDispense(id, fillId, actor.userId(),
                Boolean.TRUE.equals(request.counselled()), request.notes());
        prescriptions.update(id, null, Map.of("status", next.value()));
        audit.recordChange(AuditEntry.of("prescription.dispense", "prescription", id).inOrganisation(current.orgId())
                .changed(List.of("status")).withDetails(Map.of("dispenseId", dispenseId.toString(), "fillId", fillId.toString())));
        return prescriptions.find(id).orElseThrow();
    }

    /** A prescription with its fills and dispenses, read in one transaction. */
    record Detail(PrescriptionView prescription, List<PrescriptionRepository.FillRecord> fills) {}

    @Transactional(readOnly = true)
    public Detail detail(UUID id) {
        return new Detail(get(id), prescriptions.fills(id));
    }

    private PrescriptionView endWith(PrescriptionView current, PrescriptionStatus next, String reason, String action) {
        prescriptions.update(current.id(), null, Map.of("status", next.value(), "status_reason", reason));
        audit.recordChange(AuditEntry.of(action, "prescription", current.id()).inOrganisation(current.orgId())
                .changed(List.of("status", "status_reason")));
        return prescriptions.find(current.id()).orElseThrow();
    }

    private PrescriptionView lockVisible(UUID id) {
        return prescriptions.lock(id).orElseThrow(() -> ApiException.notFound("Prescription"));
    }

    private static void requirePrescriberOrAdmin(Actor actor, PrescriptionView current) {
        if (!current.prescriberId().equals(actor.userId()) && !actor.administers(current.orgId())) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only the prescriber or an admin may change this prescription");
        }
    }

    /** Fills and dispenses happen at the pharmacy named on the prescription (or the patient's own organisation). */
    private static void requireFillingPharmacy(Actor actor, PrescriptionView current) {
        UUID pharmacy = current.pharmacyId() != null ? current.pharmacyId() : current.orgId();
        if (!pharmacy.equals(actor.orgId())) {
            throw new ApiException(ErrorCode.FORBIDDEN, "This prescription is to be filled at another pharmacy");
        }
    }
}
