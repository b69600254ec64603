package com.ai2aim.rx.jobs.internal;

import java.time.Instant;

/** A job as {@code GET /api/jobs} lists it; figures are over the kept run history, dry runs left out. */
record JobView(String name, String description, String schedule, String timezone, boolean enabled, boolean paused,
               Instant nextRun, Instant lastRun, String lastStatus, Instant lastSuccess, Double successRate,
               Double meanDurationMs) {}
