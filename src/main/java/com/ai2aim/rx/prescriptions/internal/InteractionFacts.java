package com.ai2aim.rx.prescriptions.internal;

import com.ai2aim.rx.platform.db.OneTrip;
import com.ai2aim.rx.prescriptions.internal.PrescriptionRepository.ActiveMedication;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What {@code drug-interaction-check} reads, in one statement and one round trip ({@link OneTrip}) as the caller,
 * together with the access record of that read: a prescriber waits for the answer, and under load every round trip
 * waits for a core. It joins the patient and the catalogue read-only, as DESIGN.md allows a module towards the
 * modules it depends on; row-level security decides what each part may see, exactly as the separate reads did.
 *
 * @param candidateIngredients the ingredients of the catalogue product asked about by id; null when none was asked
 *                             or the caller may not see it
 * @param active               the distinct products of the patient's prescriptions still in use, by name
 */
record InteractionFacts(List<String> candidateIngredients, List<ActiveMedication> active) {

    /**
     * {@code rx.interaction_facts} (migrations V4_8_1, V4_8_3): a function, so its plan is cached on the connection;
     * it stages the access record too.
     */
    private static final String SQL =
            "select * from rx.interaction_facts(cast(? as uuid), cast(? as uuid), cast(? as jsonb))";

    /**
     * The facts for a live patient the current actor may see, with the ingredients of catalogue product
     * {@code candidateId} (may be null); empty when the patient is not visible. When the patient is visible,
     * {@code access} (from {@code AuditTrail.accessForStatement}) is staged in the same transaction, with the patient's
     * organisation. Call it outside a transaction.
     */
    static Optional<InteractionFacts> read(OneTrip oneTrip, UUID patientId, UUID candidateId, String access) {
        return oneTrip.query(SQL, InteractionFacts::from, patientId, candidateId, access);
    }

    private static Optional<InteractionFacts> from(ResultSet rows) throws SQLException {
        if (!rows.next()) {
            return Optional.empty();
        }
        List<String> candidate = strings(rows.getArray("candidate_ingredients"));
        List<ActiveMedication> active = new ArrayList<>();
        do {
            UUID id = rows.getObject("medication_id", UUID.class);
            if (id != null) {
                active.add(new ActiveMedication(id, rows.getString("medication_name"), strings(rows.getArray("ingredient_rxcuis"))));
            }
        } while (rows.next());
        return Optional.of(new InteractionFacts(candidate, List.copyOf(active)));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? null : List.of((String[]) array.getArray());
    }
}
