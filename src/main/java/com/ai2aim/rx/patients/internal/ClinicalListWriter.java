package com.ai2aim.rx.patients.internal;

import com.ai2aim.rx.patients.internal.ClinicalRepository.ClinicalTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Replaces a patient's allergies, conditions or coverages with the list a request gives: items carrying a current
 * id are kept (and updated), items without one are recorded now, and current items left out are marked removed.
 */
@Component
class ClinicalListWriter {

    private final ClinicalRepository clinical;

    ClinicalListWriter(ClinicalRepository clinical) {
        this.clinical = clinical;
    }

    /** Checks every item id against the current lists before anything is written. */
    void checkIds(UUID patientId, List<PatientRequests.Allergy> allergies, List<PatientRequests.Condition> conditions,
                  List<PatientRequests.Coverage> coverages) {
        if (allergies != null) {
            PatientRules.checkItemIds("allergies", ids(allergies, PatientRequests.Allergy::id),
                    currentIds(clinical.allergies(patientId), PatientDetails.AllergyRecord::id));
        }
        if (conditions != null) {
            PatientRules.checkItemIds("conditions", ids(conditions, PatientRequests.Condition::id),
                    currentIds(clinical.conditions(patientId), PatientDetails.ConditionRecord::id));
        }
        if (coverages != null) {
            PatientRules.checkItemIds("coverages", ids(coverages, PatientRequests.Coverage::id),
                    currentIds(clinical.coverages(patientId), PatientDetails.CoverageRecord::id));
        }
    }

    void replaceAllergies(UUID patientId, List<PatientRequests.Allergy> allergies, UUID by) {
        List<UUID> kept = new ArrayList<>();
        for (PatientRequests.Allergy a : allergies) {
            if (a.id() == null) {
                kept.add(clinical.insertAllergy(patientId, a, by));
            } else {
                clinical.updateAllergy(a.id(), a);
                kept.add(a.id());
            }
        }
        clinical.removeAllExcept(ClinicalTable.ALLERGIES, patientId, kept, by);
    }

    void replaceConditions(UUID patientId, List<PatientRequests.Condition> conditions, UUID by) {
        List<UUID> kept = new ArrayList<>();
        for (PatientRequests.Condition c : conditions) {
            if (c.id() == null) {
                kept.add(clinical.insertCondition(patientId, c, by));
            } else {
                clinical.updateCondition(c.id(), c);
                kept.add(c.id());
            }
        }
        clinical.removeAllExcept(ClinicalTable.CONDITIONS, patientId, kept, by);
    }

    void replaceCoverages(UUID patientId, List<PatientRequests.Coverage> coverages, UUID by) {
        List<UUID> kept = new ArrayList<>();
        for (PatientRequests.Coverage c : coverages) {
            if (c.id() == null) {
                kept.add(clinical.insertCoverage(patientId, c, by));
            } else {
                clinical.updateCoverage(c.id(), c);
                kept.add(c.id());
            }
        }
        clinical.removeAllExcept(ClinicalTable.COVERAGES, patientId, kept, by);
    }

    private static <T> List<UUID> ids(List<T> items, Function<T, UUID> id) {
        return items.stream().map(id).collect(Collectors.toCollection(ArrayList::new));
    }

    private static <T> Set<UUID> currentIds(List<T> items, Function<T, UUID> id) {
        return items.stream().map(id).collect(Collectors.toSet());
    }
}
