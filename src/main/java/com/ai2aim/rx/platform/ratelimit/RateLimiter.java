package com.ai2aim.rx.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Token buckets kept in PostgreSQL so that limits hold across every copy of the service. Each node spends up to
 * {@code syncTokens} locally before reconciling with the shared bucket, which keeps the database out of most requests
 * while bounding how far several nodes together can overshoot.
 */
public class RateLimiter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RateLimiter.class);

    /** The outcome of one attempt: allowed, or how long to wait. */
    public record Decision(boolean allowed, long retryAfterSeconds) {}

    private final ProxyManager<String> buckets;
    private final LoadingCache<String, BucketProxy> proxies;
    private final long syncTokens;
    private final java.util.concurrent.atomic.AtomicLong fallbacks = new java.util.concurrent.atomic.AtomicLong();

    public RateLimiter(DataSource dataSource, long syncTokens) {
        this.syncTokens = syncTokens;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(2)))
                .build();
        this.proxies = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(5))
                .build(this::proxyFor);
    }

    /** Takes one token from the bucket {@code key}, which allows {@code perMinute} requests a minute. */
    public Decision tryConsume(String key, long perMinute) {
        String compositeKey = perMinute + "|" + key;
        ConsumptionProbe probe;
        try {
            probe = proxies.get(compositeKey).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException first) {
            // A shared bucket that failed to sync is rebuilt once; if that fails too, the request goes through:
            // a limiter outage must not become an API outage.
            proxies.invalidate(compositeKey);
            try {
                probe = proxies.get(compositeKey).tryConsumeAndReturnRemaining(1);
            } catch (RuntimeException second) {
                fallbacks.incrementAndGet();
                log.warn("rate limit bucket unavailable, allowing the request: {}", second.getClass().getSimpleName());
                return new Decision(true, 0);
            }
        }
        if (probe.isConsumed()) {
            return new Decision(true, 0);
        }
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        return new Decision(false, seconds);
    }

    /** How many requests went through unlimited because the shared bucket could not be reached. */
    public long fallbacks() {
        return fallbacks.get();
    }

    private BucketProxy proxyFor(String compositeKey) {
        long perMinute = Long.parseLong(compositeKey.substring(0, compositeKey.indexOf('|')));
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
        long localTokens = Math.max(1, Math.min(syncTokens, perMinute / 10));
        // Create the shared bucket row before anyone spends from it: the delaying optimisation batches its first
        // commands and does not recover when the row does not exist yet (concurrent first requests then fail).
        // The loading cache runs this once per key while other callers wait.
        buckets.builder().build(compositeKey, () -> configuration).getAvailableTokens();
        return buckets.builder()
                .withOptimization(Optimizations.delaying(new DelayParameters(localTokens, Duration.ofMillis(500))))
                .build(compositeKey, () -> configuration);
    }
}
