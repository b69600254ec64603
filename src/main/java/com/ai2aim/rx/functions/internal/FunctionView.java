package com.ai2aim.rx.functions.internal;

import java.util.List;

/**
 * A registered function with this copy's figures since start: invocations and failed ones (any outcome other than
 * success), and the p50/p95/p99 latency of the successful ones in milliseconds (null before the first).
 */
record FunctionView(String name, List<String> allowedRoles, long timeoutMs, long invocations, long errors,
                    Double p50Ms, Double p95Ms, Double p99Ms, Double firstCallMs, int callsPerMinute) {}
