package com.ai2aim.rx.ops.internal;

import com.ai2aim.rx.jobs.JobOutcome;
import com.ai2aim.rx.jobs.JobRun;
import com.ai2aim.rx.jobs.JobSignals;
import com.ai2aim.rx.jobs.RxJob;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * health-check: database, disk, storage, the functions runtime, each configured partner endpoint and Redis (when
 * {@code RX_REDIS_URL} is set). The results ("up"/"down" per component) are the run's details, so the job's run
 * history is the health history. A component that goes down raises an alert once (key {@code down-<component>});
 * its recovery resolves it. A dry run checks but raises and resolves nothing.
 */
@Component
@EnableConfigurationProperties(HealthCheckProperties.class)
class CheckHealthJob implements RxJob {

    private final ComponentChecks checks;
    private final HealthCheckProperties properties;
    private final JobSignals signals;

    CheckHealthJob(ComponentChecks checks, HealthCheckProperties properties, JobSignals signals) {
        this.checks = checks;
        this.properties = properties;
        this.signals = signals;
    }

    @Override
    public String name() {
        return "health-check";
    }

    @Override
    public String defaultSchedule() {
        return "*/5 * * * *";
    }

    @Override
    public String description() {
        return "Checks the database, disk, storage, functions runtime, partner endpoints and Redis; alerts when one goes down.";
    }

    @Override
    public JobOutcome run(JobRun run) {
        Map<String, BooleanSupplier> components = new LinkedHashMap<>();
        components.put("database", checks::database);
        components.put("disk", checks::disk);
        components.put("storage", checks::storage);
        components.put("functions", checks::functions);
        properties.endpoints().forEach((name, url) -> {
            if (url != null && !url.isBlank()) {
                components.put("partner-" + name, () -> checks.endpoint(url));
            }
        });
        if (!properties.redisUrl().isBlank()) {
            components.put("redis", () -> checks.redis(properties.redisUrl()));
        }
        Map<String, Object> results = new LinkedHashMap<>();
        int down = 0;
        for (Map.Entry<String, BooleanSupplier> component : components.entrySet()) {
            boolean up = component.getValue().getAsBoolean();
            results.put(component.getKey(), up ? "up" : "down");
            down += up ? 0 : 1;
            if (!run.dryRun()) {
                signal(component.getKey(), up);
            }
        }
        results.put("down", down);
        return new JobOutcome(components.size(), results);
    }

    private void signal(String component, boolean up) {
        String key = "down-" + component;
        if (up) {
            signals.resolve(name(), key, "Component " + component + " is up again");
        } else {
            signals.raise(name(), key, "Component " + component + " is down");
        }
    }
}
