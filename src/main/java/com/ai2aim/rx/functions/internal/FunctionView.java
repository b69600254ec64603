package com.ai2aim.rx.functions.internal;

import java.util.List;

/**
 * A registered function with this copy's figures: invocations and failed ones since start (any outcome other than
 * success), the p50/p95/p99 latency of the successful ones in milliseconds over about the last two minutes (null
 * before the first; Micrometer's percentiles decay), the first successful call's duration after start, and the
 * per-caller rate limit.
 */
record FunctionView(String name, List<String> allowedRoles, long timeoutMs, long invocations, long errors,
                    Double p50Ms, Double p95Ms, Double p99Ms, Double firstCallMs, int callsPerMinute) {}
