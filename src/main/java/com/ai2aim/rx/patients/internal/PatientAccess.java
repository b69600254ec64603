package com.ai2aim.rx.patients.internal;

import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Role;
import java.util.UUID;

/**
 * Who may do what to a patient, beyond what row-level security already hides. Each rule is named for what it
 * allows; the database policies enforce the same rules again.
 */
final class PatientAccess {

    private PatientAccess() {}

    /** Global admins and the service act on every organisation. */
    static boolean actsEverywhere(Actor actor) {
        return actor.isService() || actor.isGlobalAdmin();
    }

    static boolean staffOrAdmin(Actor actor) {
        return actor.role().isStaff() || actor.role() == Role.ADMIN || actor.isService();
    }

    /** Registering and editing demographics, contact details and coverages: any staff member or admin. */
    static boolean mayRegisterPatients(Actor actor) {
        return staffOrAdmin(actor);
    }

    /** Allergies and conditions are clinical judgements: technicians and patients may not record them. */
    static boolean mayRecordClinicalFacts(Actor actor) {
        return actor.role() == Role.PHARMACIST || actor.role() == Role.PHYSICIAN || actor.role() == Role.ADMIN || actor.isService();
    }

    static boolean mayDeletePatients(Actor actor) {
        return mayRecordClinicalFacts(actor);
    }

    static boolean maySeeDeleted(Actor actor) {
        return actor.role() == Role.ADMIN || actor.isService();
    }

    /** Changing the record: staff and admins of the patient's own organisation (not of its preferred pharmacy). */
    static boolean mayChangeRecordOf(Actor actor, PatientRow patient) {
        return actsEverywhere(actor) || staffOrAdmin(actor) && patient.orgId().equals(actor.orgId());
    }

    static boolean isThePatient(Actor actor, PatientRow patient) {
        return actor.role() == Role.PATIENT && actor.userId() != null && actor.userId().equals(patient.userId());
    }

    /** Visits: staff of the patient's organisation, or of the pharmacy the patient fills at (pickups). */
    static boolean mayRecordVisitFor(Actor actor, PatientRow patient) {
        if (actsEverywhere(actor)) {
            return true;
        }
        UUID org = actor.orgId();
        return staffOrAdmin(actor) && org != null && (org.equals(patient.orgId()) || org.equals(patient.preferredPharmacyId()));
    }
}
