package com.ai2aim.rx.functions.internal;

import java.time.Instant;
import java.util.UUID;

/** One logged invocation as admins see it. */
record InvocationView(UUID id, String function, String callerId, String callerRole, UUID orgId, int status,
                      String outcome, String errorCode, int attempts, double durationMs, String requestId,
                      Instant startedAt) {}
