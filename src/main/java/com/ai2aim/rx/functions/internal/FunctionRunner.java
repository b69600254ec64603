package com.ai2aim.rx.functions.internal;

import com.ai2aim.rx.functions.RxFunction;
import com.ai2aim.rx.platform.db.PriorityLane;
import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ErrorCode;
import com.ai2aim.rx.platform.web.RequestContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs a function as the caller on a worker thread, so the request thread can stop waiting at the function's
 * timeout; retries failures the function calls transient with Resilience4j (three attempts, back-off doubling from
 * {@code rx.functions.retry-backoff}). The pool is bounded: when it is full the caller is told to retry (503)
 * rather than queued behind slow work.
 */
@Component
class FunctionRunner implements AutoCloseable {

    static final int MAX_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(FunctionRunner.class);

    private final ThreadPoolExecutor executor;
    private final Duration backoff;
    private final Map<String, Retry> retries = new java.util.concurrent.ConcurrentHashMap<>();

    FunctionRunner(@Value("${rx.functions.max-concurrent:64}") int maxConcurrent,
                   @Value("${rx.functions.retry-backoff:100ms}") Duration backoff) {
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(0, maxConcurrent, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "rx-function-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.backoff = backoff;
    }

    /** The function's output; {@code attempts} ends holding how many attempts were made. */
    <I, O> O run(RxFunction<I, O> function, I input, AtomicInteger attempts) {
        Actor actor = Actors.required();
        RequestContext.Info request = RequestContext.current();
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        Future<O> future;
        try {
            future = executor.submit(() -> inContext(mdc, () -> Actors.as(actor,
                    () -> RequestContext.with(request, () -> attempt(function, input, attempts)))));
        } catch (RejectedExecutionException e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Too many functions are running; retry shortly");
        }
        try {
            return future.get(function.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ApiException(ErrorCode.FUNCTION_TIMEOUT,
                    "Function " + function.name() + " did not finish within " + function.timeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Interrupted while waiting; retry shortly");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("function " + function.name() + " failed", e.getCause());
        }
    }

    private <I, O> O attempt(RxFunction<I, O> function, I input, AtomicInteger attempts) {
        Retry retry = retries.computeIfAbsent(function.name(), name -> Retry.of(name, RetryConfig.custom()
                .maxAttempts(MAX_ATTEMPTS).intervalFunction(IntervalFunction.ofExponentialBackoff(backoff, 2.0))
                .retryOnException(e -> e instanceof RuntimeException r && function.isTransient(r)).build()));
        try {
            return Retry.decorateSupplier(retry, () -> {
                attempts.incrementAndGet();
                return function.prioritised() ? PriorityLane.run(() -> function.invoke(input)) : function.invoke(input);
            }).get();
        } catch (RuntimeException e) {
            if (!function.isTransient(e)) {
                throw e;
            }
            log.warn("function {} failed transiently {} times; giving up ({})", function.name(), attempts.get(), e.getClass().getSimpleName());
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Temporarily unavailable; retry shortly");
        }
    }

    private static <T> T inContext(Map<String, String> mdc, java.util.function.Supplier<T> work) {
        if (mdc != null) {
            MDC.setContextMap(mdc);
        }
        try {
            return work.get();
        } finally {
            MDC.clear();
        }
    }

    /** False once the pool has been shut down (the service is stopping). */
    boolean accepting() {
        return !executor.isShutdown();
    }

    int busy() {
        return executor.getActiveCount();
    }

    int capacity() {
        return executor.getMaximumPoolSize();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
