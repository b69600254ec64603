package com.ai2aim.rx.medications.internal;

import com.ai2aim.rx.medications.Ingredient;
import com.ai2aim.rx.medications.MedicationView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A product as the HTTP API shows it: the public view plus provenance and the version its ETag carries. */
record MedicationDetails(UUID id, String rxcui, String tty, String name, String brand, String strength, String doseForm,
                         String route, List<Ingredient> ingredients, String therapeuticClass, List<String> valueSets,
                         Integer deaSchedule, boolean controlled, BigDecimal mmeFactor, String mmeNote, List<String> ndcs,
                         boolean active, UUID orgId, String source, int version, Instant createdAt, Instant updatedAt) {

    MedicationView view() {
        return new MedicationView(id, rxcui, name, strength, doseForm, route, ingredients, therapeuticClass, deaSchedule,
                mmeFactor, ndcs, active, orgId);
    }
}
