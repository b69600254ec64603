/**
 * Medications: the drug catalogue (RxNorm reference products shipped with the service plus each organisation's
 * local products), NDC normalisation and the drug–drug interaction knowledge base (ANSM thesaurus and the two ONC
 * lists, class entries expanded to ingredient RxCUIs). Other modules read products through {@link
 * com.ai2aim.rx.medications.Medications} inside their own transaction and ask {@link
 * com.ai2aim.rx.medications.InteractionChecker} which ingredients interact; it answers from memory. The catalogue
 * is not PHI, so reads are not access-audited; every mutation is.
 * The cache-warming job pre-loads common searches and the catalogue statistics.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit", "jobs"})
package com.ai2aim.rx.medications;
