/**
 * Patients: demographics, contact details, MRNs, allergies, conditions, insurance coverages, preferred pharmacy,
 * communication preferences and visits, served at {@code /api/patients}. Owns the {@code patients} and
 * {@code patient_*} tables, whose row-level security keeps each organisation's patients to itself (plus the staff
 * of a patient's preferred pharmacy, read-only) and a patient-role user to their own record. Other modules read a
 * patient through {@link com.ai2aim.rx.patients.Patients} and add entries to a patient's history by implementing
 * {@link com.ai2aim.rx.patients.PatientTimelineSource}. References identity's organisations and users by key only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit"})
package com.ai2aim.rx.patients;
