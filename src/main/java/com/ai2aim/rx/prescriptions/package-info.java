/**
 * Prescriptions: what a prescriber wrote, its lifecycle (approve, fill, dispense, refills, cancel, reject, expiry),
 * and each fill and dispense as its own record. Enforces the controlled-substance rules and the role rules of each
 * move, and answers which interactions a prescription has with the patient's other active medications. Verifies a
 * pending prescription with named clinical policies (internal.verification) and stores the verdict; a failed verdict
 * blocks approval until a pharmacist overrides it. Publishes {@link com.ai2aim.rx.prescriptions.PrescriptionWritten} and
 * {@link com.ai2aim.rx.prescriptions.PrescriptionChanged} through the outbox and verifies each such prescription by
 * itself, as the service. Offers the {@code drug-interaction-check} function (run by the
 * functions runtime). Reads patients, medications and prescribers through their modules' APIs; contributes to the
 * patient timeline.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit", "identity", "patients", "medications", "functions"})
package com.ai2aim.rx.prescriptions;
