package com.ai2aim.rx.jobs.internal;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "jobs": WARNING (HTTP 200; see {@code management.endpoint.health.status}) when
 * an enabled, unpaused job is more than {@code rx.jobs.missed-grace} past its due time and no node has picked it up.
 * Each miss is alerted once (its alert stays open until the job succeeds again).
 */
@Component("jobs")
class JobsHealth implements HealthIndicator {

    static final Status WARNING = new Status("WARNING", "A job has missed its schedule");

    private final JobRegistry registry;
    private final JobSchedules schedules;
    private final JobStateRepository state;
    private final JobAlerts alerts;
    private final JobsProperties properties;

    JobsHealth(JobRegistry registry, JobSchedules schedules, JobStateRepository state, JobAlerts alerts,
               JobsProperties properties) {
        this.registry = registry;
        this.schedules = schedules;
        this.state = state;
        this.alerts = alerts;
        this.properties = properties;
    }

    @Override
    public Health health() {
        Instant threshold = Instant.now().minus(properties.missedGrace());
        Set<String> paused = state.paused();
        Map<String, Object> missed = new TreeMap<>();
        for (JobRegistry.Definition job : registry.all()) {
            if (!job.enabled() || paused.contains(job.name())) {
                continue;
            }
            schedules.current(job.name()).filter(e -> !e.isPicked() && e.getExecutionTime().isBefore(threshold))
                    .map(ScheduledExecution::getExecutionTime).ifPresent(due -> {
                        missed.put(job.name(), due.toString());
                        alerts.missed(job.name(), due);
                    });
        }
        Health.Builder health = missed.isEmpty() ? Health.up() : Health.status(WARNING).withDetail("missed", missed);
        return health.withDetail("jobs", registry.all().size()).withDetail("paused", paused.size()).build();
    }
}
