package com.ai2aim.rx.functions.internal;

import com.ai2aim.rx.functions.RxFunction;
import com.ai2aim.rx.platform.ratelimit.RateLimiter;
import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Each caller's calls a minute per function, in the shared PostgreSQL buckets that the API's own limits use, so the
 * limit holds across copies. Off when {@code RX_RATE_LIMIT_ENABLED=false}, like every other limit.
 */
@Component
class FunctionRateLimits {

    private final RateLimiter limiter;
    private final Environment environment;
    private final boolean enabled;

    FunctionRateLimits(RateLimiter limiter, Environment environment, @Value("${rx.rate-limit.enabled:true}") boolean enabled) {
        this.limiter = limiter;
        this.environment = environment;
        this.enabled = enabled;
    }

    int perMinute(RxFunction<?, ?> function) {
        return environment.getProperty("rx.functions." + function.name() + ".calls-per-minute", Integer.class,
                function.callsPerMinute());
    }

    /** Takes one call from the caller's bucket, or fails with 429 and how long to wait. */
    void check(RxFunction<?, ?> function, Actor caller) {
        if (!enabled) {
            return;
        }
        RateLimiter.Decision decision = limiter.tryConsume("fn:" + function.name() + ":" + caller.auditId(), perMinute(function));
        if (!decision.allowed()) {
            throw ApiException.rateLimited(decision.retryAfterSeconds());
        }
    }
}
