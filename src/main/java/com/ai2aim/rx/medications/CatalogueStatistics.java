package com.ai2aim.rx.medications;

import java.time.Instant;
import java.util.Map;

/**
 * Counts for a dashboard: active reference and local products, controlled substances by DEA schedule, and
 * ingredient pairs the interaction knowledge base knows. Computed by the cache-warming job and kept in memory.
 */
public record CatalogueStatistics(long referenceProducts, long localProducts, Map<String, Long> bySchedule,
                                  long interactionPairs, Instant computedAt) {

    public CatalogueStatistics {
        bySchedule = Map.copyOf(bySchedule);
    }
}
