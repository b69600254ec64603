package com.ai2aim.rx.patients.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ETags;
import com.ai2aim.rx.platform.web.ErrorCode;
import com.ai2aim.rx.platform.web.PageQuery;
import com.ai2aim.rx.platform.web.PageResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering, reading, changing and soft-deleting patients. Every method runs as the signed-in actor, so
 * row-level security already hides other organisations' patients (they are "not found"); the rules here add who
 * may change what. Audit records carry field names only.
 */
@Service
class PatientService {

    static final String CLINICAL_ONLY = "Only pharmacists, physicians and admins record allergies and conditions";

    private final PatientRepository patients;
    private final ClinicalRepository clinical;
    private final ClinicalListWriter lists;
    private final PatientRules rules;
    private final AuditTrail audit;

    PatientService(PatientRepository patients, ClinicalRepository clinical, ClinicalListWriter lists, PatientRules rules,
                   AuditTrail audit) {
        this.patients = patients;
        this.clinical = clinical;
        this.lists = lists;
        this.rules = rules;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public PageResult<PatientRow> list(PatientRepository.Filter filter, PageQuery page) {
        if (filter.includeDeleted() && !PatientAccess.maySeeDeleted(Actors.required())) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only admins may list deleted patients");
        }
        return patients.list(filter, page);
    }

    @Transactional(readOnly = true)
    public PatientDetails get(UUID id, boolean includeDeleted) {
        if (includeDeleted && !PatientAccess.maySeeDeleted(Actors.required())) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only admins may read deleted patients");
        }
        PatientRow row = patients.find(id).filter(p -> includeDeleted || !p.deleted())
                .orElseThrow(() -> ApiException.notFound("Patient"));
        return PatientDetails.of(row, clinical.current(id));
    }

    @Transactional
    public PatientDetails create(PatientRequests.Create r) {
        Actor actor = Actors.required();
        if (!PatientAccess.mayRegisterPatients(actor)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only staff and admins register patients");
        }
        if ((notEmpty(r.allergies()) || notEmpty(r.conditions())) && !PatientAccess.mayRecordClinicalFacts(actor)) {
            throw new ApiException(ErrorCode.FORBIDDEN, CLINICAL_ONLY);
        }
        UUID org = placement(actor, r.orgId());
        PatientRules.checkAllergies("allergies", r.allergies());
        PatientRules.checkCoverages(r.coverages());
        rules.checkPreferredPharmacy(r.preferredPharmacyId());
        rules.checkUserLink(r.userId(), org, null);
        rules.checkMrnFree(org, r.mrn(), null);
        UUID id = patients.insert(new PatientRepository.NewPatient(org, r.mrn(), r.firstName().strip(), r.lastName().strip(),
                r.dateOfBirth(), r.sexAtBirth(), r.genderIdentity(), r.phone(), r.email(), r.address(),
                r.preferredPharmacyId(), r.userId(), PatientRules.stamped(r.communicationPreferences(), null, Instant.now()),
                actor.userId()));
        if (notEmpty(r.allergies())) lists.replaceAllergies(id, r.allergies(), actor.userId());
        if (notEmpty(r.conditions())) lists.replaceConditions(id, r.conditions(), actor.userId());
        if (notEmpty(r.coverages())) lists.replaceCoverages(id, r.coverages(), actor.userId());
        audit.recordChange(AuditEntry.of("patient.create", "patient", id).inOrganisation(org).changed(createdFields(r)));
        return get(id, false);
    }

    @Transactional
    public PatientDetails update(UUID id, PatientRequests.Update r, Integer expectedVersion) {
        Actor actor = Actors.required();
        PatientRow current = visible(id);
        if (PatientAccess.isThePatient(actor, current)) {
            if (r.touchesMoreThanContact()) {
                throw new ApiException(ErrorCode.FORBIDDEN, "A patient may change only contact details and communication preferences");
            }
        } else if (!PatientAccess.mayChangeRecordOf(actor, current)) {
            throw ApiException.forbidden();
        }
        if (r.touchesClinicalLists() && !PatientAccess.mayRecordClinicalFacts(actor)) {
            throw new ApiException(ErrorCode.FORBIDDEN, CLINICAL_ONLY);
        }
        PatientRules.checkAllergies("allergies", r.allergies());
        PatientRules.checkCoverages(r.coverages());
        rules.checkPreferredPharmacy(r.preferredPharmacyId());
        rules.checkUserLink(r.userId(), current.orgId(), id);
        rules.checkMrnFree(current.orgId(), r.mrn(), id);
        lists.checkIds(id, r.allergies(), r.conditions(), r.coverages());

        Map<String, Object> columns = columns(r, current);
        List<String> changed = new ArrayList<>(columns.keySet());
        if (r.allergies() != null) changed.add("allergies");
        if (r.conditions() != null) changed.add("conditions");
        if (r.coverages() != null) changed.add("coverages");
        if (changed.isEmpty()) {
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw ETags.stale();
            }
            return PatientDetails.of(current, clinical.current(id));
        }
        if (!patients.update(id, expectedVersion, columns)) {
            throw ETags.stale();
        }
        if (r.allergies() != null) lists.replaceAllergies(id, r.allergies(), actor.userId());
        if (r.conditions() != null) lists.replaceConditions(id, r.conditions(), actor.userId());
        if (r.coverages() != null) lists.replaceCoverages(id, r.coverages(), actor.userId());
        audit.recordChange(AuditEntry.of("patient.update", "patient", id).inOrganisation(current.orgId()).changed(changed));
        return get(id, false);
    }

    /** Soft delete: the row stays (records refer to it) but leaves lists and reads, except an admin's. */
    @Transactional
    public PatientRow delete(UUID id, Integer expectedVersion) {
        Actor actor = Actors.required();
        PatientRow current = visible(id);
        if (!PatientAccess.mayChangeRecordOf(actor, current) || !PatientAccess.mayDeletePatients(actor)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only pharmacists, physicians and admins of the patient's organisation delete patients");
        }
        if (!patients.softDelete(id, expectedVersion)) {
            throw ETags.stale();
        }
        audit.recordChange(AuditEntry.of("patient.delete", "patient", id).inOrganisation(current.orgId())
                .changed(List.of("deleted_at", "is_active")));
        return patients.find(id).orElseThrow();
    }

    /** The patient if the actor can see it and it is not deleted; otherwise 404, whatever the reason. */
    PatientRow visible(UUID id) {
        return patients.find(id).filter(p -> !p.deleted()).orElseThrow(() -> ApiException.notFound("Patient"));
    }

    private UUID placement(Actor actor, UUID requested) {
        UUID org = requested != null ? requested : actor.orgId();
        if (org == null) {
            throw ApiException.invalid("orgId", "is required for a global admin");
        }
        if (!PatientAccess.actsEverywhere(actor) && !org.equals(actor.orgId())) {
            throw new ApiException(ErrorCode.FORBIDDEN, "You may only register patients in your own organisation");
        }
        if (!patients.organisationVisible(org)) {
            throw ApiException.invalid("orgId", "organisation does not exist");
        }
        return org;
    }

    private static Map<String, Object> columns(PatientRequests.Update r, PatientRow current) {
        Map<String, Object> columns = new LinkedHashMap<>();
        if (r.mrn() != null) columns.put("mrn", r.mrn());
        if (r.firstName() != null) columns.put("first_name", r.firstName().strip());
        if (r.lastName() != null) columns.put("last_name", r.lastName().strip());
        if (r.dateOfBirth() != null) columns.put("date_of_birth", r.dateOfBirth());
        if (r.sexAtBirth() != null) columns.put("sex_at_birth", r.sexAtBirth());
        if (r.genderIdentity() != null) columns.put("gender_identity", r.genderIdentity());
        if (r.phone() != null) columns.put("phone", r.phone());
        if (r.email() != null) columns.put("email", r.email());
        if (r.address() != null) columns.put("address", r.address());
        if (r.preferredPharmacyId() != null) columns.put("preferred_pharmacy_id", r.preferredPharmacyId());
        if (r.userId() != null) columns.put("user_id", r.userId());
        if (r.isActive() != null) columns.put("is_active", r.isActive());
        if (r.communicationPreferences() != null) {
            columns.put("communication_preferences",
                    PatientRules.stamped(r.communicationPreferences(), current.communicationPreferences(), Instant.now()));
        }
        return columns;
    }

    private static List<String> createdFields(PatientRequests.Create r) {
        List<String> fields = new ArrayList<>(List.of("org_id", "mrn", "first_name", "last_name", "date_of_birth", "sex_at_birth"));
        if (r.genderIdentity() != null) fields.add("gender_identity");
        if (r.phone() != null) fields.add("phone");
        if (r.email() != null) fields.add("email");
        if (r.address() != null) fields.add("address");
        if (r.preferredPharmacyId() != null) fields.add("preferred_pharmacy_id");
        if (r.userId() != null) fields.add("user_id");
        if (r.communicationPreferences() != null) fields.add("communication_preferences");
        if (notEmpty(r.allergies())) fields.add("allergies");
        if (notEmpty(r.conditions())) fields.add("conditions");
        if (notEmpty(r.coverages())) fields.add("coverages");
        return fields;
    }

    private static boolean notEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }
}
