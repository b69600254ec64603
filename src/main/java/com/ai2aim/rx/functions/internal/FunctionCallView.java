package com.ai2aim.rx.functions.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * An asynchronous call as its status URL shows it: queued, running, succeeded with the function's output, or failed
 * with the error the synchronous call would have returned.
 */
record FunctionCallView(UUID id, String function, String status, int attempts, Instant createdAt, Instant startedAt,
                        Instant finishedAt, Object output, Failure error) {

    record Failure(int status, String code, String message) {}
}
