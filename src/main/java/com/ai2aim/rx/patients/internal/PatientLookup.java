package com.ai2aim.rx.patients.internal;

import com.ai2aim.rx.patients.AllergyView;
import com.ai2aim.rx.patients.ConditionView;
import com.ai2aim.rx.patients.PatientView;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Builds the module API's {@link PatientView}; runs in whatever transaction the caller has open. */
@Component
public class PatientLookup {

    private final PatientRepository patients;
    private final ClinicalRepository clinical;

    PatientLookup(PatientRepository patients, ClinicalRepository clinical) {
        this.patients = patients;
        this.clinical = clinical;
    }

    public Optional<PatientView> find(UUID id) {
        return patients.find(id).filter(p -> !p.deleted()).map(p -> new PatientView(p.id(), p.orgId(), p.mrn(),
                p.firstName(), p.lastName(), p.dateOfBirth(), p.userId(), p.preferredPharmacyId(), p.isActive(),
                clinical.allergies(id).stream().map(a -> new AllergyView(a.id(), a.substance(), a.rxcui(), a.drugClass(),
                        a.reaction(), a.severity())).toList(),
                clinical.conditions(id).stream().map(c -> new ConditionView(c.id(), c.icd10Code(), c.text())).toList()));
    }
}
