package com.ai2aim.rx.functions.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The {@code rx.function.invocations} timer, tagged by function and outcome. Percentile histograms go to Prometheus
 * (so p50/p95/p99 can be aggregated across copies of the service); the same timer also keeps this copy's own
 * p50/p95/p99 for {@code GET /api/functions}.
 */
@Component
class FunctionMetrics {

    static final String TIMER = "rx.function.invocations";
    static final String SUCCESS = "success";
    static final String FIRST_CALL = "rx.function.first.call";

    private final Map<String, Double> firstCalls = new java.util.concurrent.ConcurrentHashMap<>();

    private final MeterRegistry registry;

    FunctionMetrics(MeterRegistry registry, FunctionRegistry functions) {
        this.registry = registry;
        // Registered up front so every function shows in /actuator/prometheus before its first call.
        functions.all().forEach(f -> timer(f.name(), SUCCESS));
    }

    void record(String function, String outcome, Duration duration) {
        timer(function, outcome).record(duration);
        if (SUCCESS.equals(outcome) && firstCalls.putIfAbsent(function, duration.toNanos() / 1_000_000.0) == null) {
            Gauge.builder(FIRST_CALL, firstCalls, calls -> calls.getOrDefault(function, Double.NaN))
                    .description("Duration of the first successful call of a function since this copy started (ms)")
                    .tag("function", function).baseUnit("milliseconds").register(registry);
        }
    }

    /** How long the first successful call since start took (ms); null before it. Shows warm-up cost, if any. */
    Double firstCallMs(String function) {
        return firstCalls.get(function);
    }

    /** Invocations and failed invocations since this copy started; percentiles (ms) of the recent successful ones. */
    Figures figures(String function) {
        long invocations = 0;
        long errors = 0;
        for (Timer timer : registry.find(TIMER).tag("function", function).timers()) {
            invocations += timer.count();
            if (!SUCCESS.equals(timer.getId().getTag("outcome"))) {
                errors += timer.count();
            }
        }
        Map<String, Double> percentiles = new LinkedHashMap<>();
        Timer successes = timer(function, SUCCESS);
        // An empty timer reports 0 ms for every percentile; null says "no data" rather than "instant".
        ValueAtPercentile[] values = successes.count() == 0 ? new ValueAtPercentile[0] : successes.takeSnapshot().percentileValues();
        for (ValueAtPercentile p : values) {
            percentiles.put("p" + Math.round(p.percentile() * 100), p.value(TimeUnit.MILLISECONDS));
        }
        return new Figures(invocations, errors, percentiles.get("p50"), percentiles.get("p95"), percentiles.get("p99"));
    }

    record Figures(long invocations, long errors, Double p50Ms, Double p95Ms, Double p99Ms) {}

    private Timer timer(String function, String outcome) {
        return Timer.builder(TIMER).description("Function invocations at /functions/v1, by outcome")
                .tag("function", function).tag("outcome", outcome)
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
    }
}
