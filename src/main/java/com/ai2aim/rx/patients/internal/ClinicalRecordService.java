package com.ai2aim.rx.patients.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records one allergy, condition or visit at a time, so each appears in the history at the moment it was
 * recorded. Allergies and conditions are part of the patient resource and move its version (its ETag); visits
 * are not.
 */
@Service
class ClinicalRecordService {

    private final PatientService patients;
    private final PatientRepository patientRows;
    private final ClinicalRepository clinical;
    private final VisitRepository visits;
    private final AuditTrail audit;

    ClinicalRecordService(PatientService patients, PatientRepository patientRows, ClinicalRepository clinical,
                          VisitRepository visits, AuditTrail audit) {
        this.patients = patients;
        this.patientRows = patientRows;
        this.clinical = clinical;
        this.visits = visits;
        this.audit = audit;
    }

    @Transactional
    public PatientDetails.AllergyRecord addAllergy(UUID patientId, PatientRequests.Allergy allergy) {
        PatientRow patient = clinicalTarget(patientId);
        requireNoId(allergy.id());
        PatientRules.checkAllergy("", allergy);
        UUID id = clinical.insertAllergy(patientId, allergy, Actors.required().userId());
        patientRows.update(patientId, null, Map.of());
        audit.recordChange(AuditEntry.of("patient.allergy.record", "patient", patientId).inOrganisation(patient.orgId())
                .changed(allergyFields(allergy)).withDetails(Map.of("allergyId", id.toString())));
        return clinical.allergies(patientId).stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    @Transactional
    public PatientDetails.ConditionRecord addCondition(UUID patientId, PatientRequests.Condition condition) {
        PatientRow patient = clinicalTarget(patientId);
        requireNoId(condition.id());
        UUID id = clinical.insertCondition(patientId, condition, Actors.required().userId());
        patientRows.update(patientId, null, Map.of());
        List<String> fields = condition.text() == null ? List.of("icd10_code") : List.of("icd10_code", "text");
        audit.recordChange(AuditEntry.of("patient.condition.record", "patient", patientId).inOrganisation(patient.orgId())
                .changed(fields).withDetails(Map.of("conditionId", id.toString())));
        return clinical.conditions(patientId).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Transactional
    public PatientDetails.VisitRecord addVisit(UUID patientId, PatientRequests.Visit visit) {
        Actor actor = Actors.required();
        if (!PatientAccess.staffOrAdmin(actor)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only staff and admins record visits");
        }
        PatientRow patient = patients.visible(patientId);
        if (!PatientAccess.mayRecordVisitFor(actor, patient)) {
            throw ApiException.forbidden();
        }
        UUID org = actor.orgId() != null ? actor.orgId() : patient.orgId();
        Instant at = visit.at() == null ? Instant.now() : visit.at();
        PatientDetails.VisitRecord recorded = visits.insert(patientId, org, visit.type(), at, actor.userId(), visit.notes());
        List<String> fields = new ArrayList<>(List.of("type", "occurred_at"));
        if (visit.notes() != null) fields.add("notes");
        audit.recordChange(AuditEntry.of("patient.visit.record", "patient", patientId).inOrganisation(patient.orgId())
                .changed(fields).withDetails(Map.of("visitId", recorded.id().toString())));
        return recorded;
    }

    /** Refuses technicians and patients before looking the patient up, so the answer says nothing about the id. */
    private PatientRow clinicalTarget(UUID patientId) {
        Actor actor = Actors.required();
        if (!PatientAccess.mayRecordClinicalFacts(actor)) {
            throw new ApiException(ErrorCode.FORBIDDEN, PatientService.CLINICAL_ONLY);
        }
        PatientRow patient = patients.visible(patientId);
        if (!PatientAccess.mayChangeRecordOf(actor, patient)) {
            throw ApiException.forbidden();
        }
        return patient;
    }

    private static void requireNoId(UUID id) {
        if (id != null) {
            throw ApiException.invalid("id", "is assigned by the server");
        }
    }

    static List<String> allergyFields(PatientRequests.Allergy a) {
        List<String> fields = new ArrayList<>();
        if (a.substance() != null) fields.add("substance");
        if (a.rxcui() != null) fields.add("rxcui");
        if (a.drugClass() != null) fields.add("drug_class");
        if (a.reaction() != null) fields.add("reaction");
        if (a.severity() != null) fields.add("severity");
        return fields;
    }
}
