package com.ai2aim.rx.jobs.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One attempt of a run as {@code GET /api/jobs/{name}/runs} shows it. Codes and counts only. */
record RunView(UUID id, String job, String node, String trigger, Instant scheduledFor, Instant startedAt,
               Instant finishedAt, String status, long itemsProcessed, String errorCode, String errorMessage,
               int attempt, int retryCount, boolean dryRun, String requestedBy, Map<String, Object> details) {

    boolean finished() {
        return finishedAt != null;
    }
}
