package com.ai2aim.rx.medications.internal;

import com.ai2aim.rx.medications.MedicationView;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The read side that {@link com.ai2aim.rx.medications.Medications} exposes; it runs in whatever transaction is open. */
@Component
public class MedicationCatalogue {

    private final MedicationRepository medications;
    private final MedicationSearch search;

    MedicationCatalogue(MedicationRepository medications, MedicationSearch search) {
        this.medications = medications;
        this.search = search;
    }

    public Optional<MedicationView> find(UUID id) {
        return medications.find(id).map(MedicationDetails::view);
    }

    public java.util.Map<UUID, MedicationView> findAll(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, MedicationView> found = new java.util.HashMap<>();
        medications.findAll(ids).forEach(d -> found.put(d.view().id(), d.view()));
        return found;
    }

    public Optional<MedicationView> findByRxcui(String rxcui) {
        return medications.findByRxcui(rxcui).map(MedicationDetails::view);
    }

    public List<MedicationView> search(String q, int limit) {
        return search.lenient(q, limit, Visibility.of(com.ai2aim.rx.platform.security.Actors.current().orElse(null))).stream().map(MedicationDetails::view).toList();
    }
}
