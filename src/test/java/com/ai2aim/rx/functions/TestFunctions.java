package com.ai2aim.rx.functions;

import com.ai2aim.rx.platform.security.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Functions that exist only in tests, to drive the runtime through each of its paths. */
@TestConfiguration(proxyBeanMethods = false)
class TestFunctions {

    record Echo(@NotBlank @Size(max = 20) String message, Integer times) {}

    record Keyed(@NotBlank String key) {}

    /** Attempts per key, so each test counts only its own calls. */
    static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    static int attempts(String key) {
        return ATTEMPTS.getOrDefault(key, new AtomicInteger()).get();
    }

    @Bean
    RxFunction<Echo, Map<String, Object>> echoFunction() {
        return new Fixed<>("test-echo", Echo.class, Set.of(Role.PHARMACIST, Role.ADMIN), Duration.ofSeconds(5)) {
            @Override
            public Map<String, Object> invoke(Echo input) {
                int times = input.times() == null ? 1 : input.times();
                return Map.of("echo", input.message().repeat(times));
            }
        };
    }

    @Bean
    RxFunction<Keyed, Map<String, Object>> slowFunction() {
        return new Fixed<>("test-slow", Keyed.class, Set.of(Role.PHARMACIST), Duration.ofMillis(300)) {
            @Override
            public Map<String, Object> invoke(Keyed input) {
                ATTEMPTS.computeIfAbsent(input.key(), k -> new AtomicInteger()).incrementAndGet();
                try {
                    // Blocks far beyond the timeout; the runtime interrupts it when it gives up.
                    new CountDownLatch(1).await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Map.of("finished", true);
            }
        };
    }

    /** Fails transiently twice per key, then answers. */
    @Bean
    RxFunction<Keyed, Map<String, Object>> flakyFunction() {
        return new Fixed<>("test-flaky", Keyed.class, Set.of(Role.PHARMACIST), Duration.ofSeconds(5)) {
            @Override
            public Map<String, Object> invoke(Keyed input) {
                int attempt = ATTEMPTS.computeIfAbsent(input.key(), k -> new AtomicInteger()).incrementAndGet();
                if (attempt < 3) {
                    throw new TransientFunctionException("partner busy");
                }
                return Map.of("attempt", attempt);
            }
        };
    }

    /** Fails with a bug (not transient) every time. */
    @Bean
    RxFunction<Keyed, Map<String, Object>> brokenFunction() {
        return new Fixed<>("test-broken", Keyed.class, Set.of(Role.PHARMACIST), Duration.ofSeconds(5)) {
            @Override
            public Map<String, Object> invoke(Keyed input) {
                ATTEMPTS.computeIfAbsent(input.key(), k -> new AtomicInteger()).incrementAndGet();
                throw new IllegalStateException("bug");
            }
        };
    }

    /** Allows each caller three calls a minute. */
    @Bean
    RxFunction<Keyed, Map<String, Object>> limitedFunction() {
        return new Fixed<>("test-limited", Keyed.class, Set.of(Role.PHARMACIST, Role.TECHNICIAN), Duration.ofSeconds(5)) {
            @Override public int callsPerMinute() { return 3; }

            @Override
            public Map<String, Object> invoke(Keyed input) {
                return Map.of("key", input.key());
            }
        };
    }

    /** Names the connection pool its transactions take: the request pool by default. */
    @Bean
    RxFunction<Keyed, Map<String, Object>> poolFunction(javax.sql.DataSource dataSource) {
        return poolReporter("test-pool", false, dataSource);
    }

    /** As test-pool, in the priority lane. */
    @Bean
    RxFunction<Keyed, Map<String, Object>> prioritisedPoolFunction(javax.sql.DataSource dataSource) {
        return poolReporter("test-pool-prioritised", true, dataSource);
    }

    private static RxFunction<Keyed, Map<String, Object>> poolReporter(String name, boolean prioritised,
                                                                       javax.sql.DataSource dataSource) {
        return new Fixed<>(name, Keyed.class, Set.of(Role.PHARMACIST), Duration.ofSeconds(5)) {
            @Override public boolean prioritised() { return prioritised; }

            @Override
            public Map<String, Object> invoke(Keyed input) {
                try {
                    return Map.of("pool", dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getPoolName());
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    private abstract static class Fixed<I, O> implements RxFunction<I, O> {
        private final String name;
        private final Class<I> type;
        private final Set<Role> roles;
        private final Duration timeout;

        Fixed(String name, Class<I> type, Set<Role> roles, Duration timeout) {
            this.name = name;
            this.type = type;
            this.roles = roles;
            this.timeout = timeout;
        }

        @Override public String name() { return name; }
        @Override public Class<I> inputType() { return type; }
        @Override public Set<Role> allowedRoles() { return roles; }
        @Override public Duration timeout() { return timeout; }
    }
}
