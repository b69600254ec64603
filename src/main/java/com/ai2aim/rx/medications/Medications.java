package com.ai2aim.rx.medications;

import com.ai2aim.rx.medications.internal.CatalogueStatisticsCache;
import com.ai2aim.rx.medications.internal.MedicationCatalogue;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue for other modules. Every method joins the caller's transaction when there is one (so it sees what
 * that transaction sees, under the caller's row-level security) and opens a read-only one as the current actor
 * otherwise. Reference products are visible to every signed-in user and to the service; local products only to
 * their organisation.
 */
@Component
public class Medications {

    private final MedicationCatalogue catalogue;
    private final CatalogueStatisticsCache statistics;

    Medications(MedicationCatalogue catalogue, CatalogueStatisticsCache statistics) {
        this.catalogue = catalogue;
        this.statistics = statistics;
    }

    /**
     * The catalogue's dashboard counts as last refreshed by the cache-warming job (computed on first use). Call it
     * outside a transaction; the counts span every organisation, so only show them to whom that is fine.
     */
    public CatalogueStatistics statistics() {
        return statistics.get();
    }

    @Transactional(readOnly = true)
    public Optional<MedicationView> find(UUID id) {
        return id == null ? Optional.empty() : catalogue.find(id);
    }

    /** The products with these ids that the caller may see, by id, in one query; ids not visible are left out. */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, MedicationView> findAll(java.util.Collection<UUID> ids) {
        return ids == null || ids.isEmpty() ? java.util.Map.of() : catalogue.findAll(ids);
    }

    /** The caller's organisation's active product with this RxCUI, else the active reference product. */
    @Transactional(readOnly = true)
    public Optional<MedicationView> findByRxcui(String rxcui) {
        return rxcui == null || rxcui.isBlank() ? Optional.empty() : catalogue.findByRxcui(rxcui.strip());
    }

    /** Active products matching a name (prefix or misspelt), an RxCUI or an NDC; best first, at most {@code limit} (≤ 100). */
    @Transactional(readOnly = true)
    public List<MedicationView> search(String q, int limit) {
        return catalogue.search(q, limit);
    }
}
