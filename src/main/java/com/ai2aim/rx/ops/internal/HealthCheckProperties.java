package com.ai2aim.rx.ops.internal;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code rx.jobs.health-check.*}: partner base URLs to reach (blank ones are skipped), Redis ({@code redis://host:port},
 * optional), the data directory whose disk and writability are checked, and limits.
 */
@ConfigurationProperties("rx.jobs.health-check")
record HealthCheckProperties(Map<String, String> endpoints, @DefaultValue("") String redisUrl,
                             @DefaultValue("./.rx-data") String dataDir, @DefaultValue("100MB") DataSize minFreeDisk,
                             @DefaultValue("5s") Duration timeout) {

    HealthCheckProperties {
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
    }
}
