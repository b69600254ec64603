package com.ai2aim.rx.jobs.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.event.EventListener;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.stereotype.Component;

/**
 * Prometheus figures per job: {@code rx.jobs.runs} (by status), {@code rx.jobs.failures}, {@code rx.jobs.retries},
 * {@code rx.jobs.duration}, {@code rx.jobs.items} and {@code rx.jobs.last.success} (epoch seconds, read from the
 * history at start so it survives a restart; 0 before the first success).
 */
@Component
class JobMetrics {

    private final MeterRegistry registry;
    private final JobRegistry jobs;
    private final JobStateRepository state;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    JobMetrics(MeterRegistry registry, JobRegistry jobs, JobStateRepository state) {
        this.registry = registry;
        this.jobs = jobs;
        this.state = state;
        jobs.all().forEach(j -> gauge(j.name()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadLastSuccesses() {
        state.lastSuccesses().forEach((job, at) -> gauge(job).accumulateAndGet(at.getEpochSecond(), Math::max));
    }

    void finished(String job, String status, Duration duration, long items) {
        Counter.builder("rx.jobs.runs").description("Job runs by final status").tag("job", job).tag("status", status)
                .register(registry).increment();
        Timer.builder("rx.jobs.duration").description("Duration of job runs").tag("job", job).tag("status", status)
                .register(registry).record(duration);
        if ("failed".equals(status)) {
            Counter.builder("rx.jobs.failures").description("Failed job runs").tag("job", job).register(registry).increment();
        }
        if (items > 0) {
            Counter.builder("rx.jobs.items").description("Items processed by job runs").tag("job", job)
                    .register(registry).increment(items);
        }
        if ("succeeded".equals(status)) {
            gauge(job).set(Instant.now().getEpochSecond());
        }
    }

    void retried(String job) {
        Counter.builder("rx.jobs.retries").description("Failed runs put back for another attempt").tag("job", job)
                .register(registry).increment();
    }

    private AtomicLong gauge(String job) {
        return lastSuccess.computeIfAbsent(job, name -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("rx.jobs.last.success", value, AtomicLong::get).description("Time of the last success (epoch s)")
                    .tag("job", name).register(registry);
            return value;
        });
    }
}
