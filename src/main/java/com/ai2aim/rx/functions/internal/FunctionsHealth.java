package com.ai2aim.rx.functions.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component "functions": the runtime's worker pool takes work, and how busy it is. */
@Component("functions")
class FunctionsHealth implements HealthIndicator {

    private final FunctionRunner runner;
    private final FunctionRegistry registry;

    FunctionsHealth(FunctionRunner runner, FunctionRegistry registry) {
        this.runner = runner;
        this.registry = registry;
    }

    @Override
    public Health health() {
        Health.Builder health = runner.accepting() ? Health.up() : Health.down();
        return health.withDetail("functions", registry.all().size()).withDetail("busy", runner.busy())
                .withDetail("capacity", runner.capacity()).build();
    }
}
