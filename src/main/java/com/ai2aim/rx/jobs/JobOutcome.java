package com.ai2aim.rx.jobs;

import java.util.Map;

/**
 * What a run did (or, in a dry run, would do): items processed and a few named figures for the run history. Never
 * PHI: counts, ids of batches, file names.
 */
public record JobOutcome(long itemsProcessed, Map<String, Object> details) {

    public JobOutcome {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static JobOutcome of(long itemsProcessed) {
        return new JobOutcome(itemsProcessed, Map.of());
    }
}
