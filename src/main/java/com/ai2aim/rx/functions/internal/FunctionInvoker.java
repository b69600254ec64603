package com.ai2aim.rx.functions.internal;

import com.ai2aim.rx.functions.RxFunction;
import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ErrorCode;
import com.ai2aim.rx.platform.web.RequestContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One invocation, start to end: find the function (404), check the caller's role (403), read and validate the input
 * (400), run it (504 on timeout), then time it and log it whatever the outcome. Unknown names are not logged, so
 * probing for names cannot fill the log.
 */
@Component
class FunctionInvoker {

    private static final Logger log = LoggerFactory.getLogger(FunctionInvoker.class);

    private final FunctionRegistry registry;
    private final FunctionRunner runner;
    private final FunctionMetrics metrics;
    private final InvocationLog invocations;
    private final JsonMapper json;
    private final Validator validator;
    private final FunctionRateLimits limits;
    private final AsyncFunctionCalls asyncCalls;

    FunctionInvoker(FunctionRegistry registry, FunctionRunner runner, FunctionMetrics metrics, InvocationLog invocations,
                    JsonMapper json, Validator validator, FunctionRateLimits limits,
                    @org.springframework.context.annotation.Lazy AsyncFunctionCalls asyncCalls) {
        this.limits = limits;
        this.asyncCalls = asyncCalls;
        this.registry = registry;
        this.runner = runner;
        this.metrics = metrics;
        this.invocations = invocations;
        this.json = json;
        this.validator = validator;
    }

    /** The function's output; {@code body} is null when the request had none. */
    Object invoke(String name, JsonNode body, HttpInputMessage request) {
        RxFunction<?, ?> function = registry.find(name).orElseThrow(() -> ApiException.notFound("Function"));
        Actor caller = Actors.required();
        return measured(function, caller, RequestContext.requestId(), attempts -> call(function, caller, body, request, attempts));
    }

    /**
     * Checks the call as {@link #invoke} would (404, 403, 429, 400), then queues it and returns its id at once; a
     * worker runs it later as the same caller ({@link AsyncFunctionCalls}).
     */
    UUID queue(String name, JsonNode body, HttpInputMessage request) {
        RxFunction<?, ?> function = registry.find(name).orElseThrow(() -> ApiException.notFound("Function"));
        Actor caller = Actors.required();
        try {
            checked(function, caller, body, request);
        } catch (RuntimeException e) {
            ErrorCode failure = classify(e);
            metrics.record(name, outcome(failure), Duration.ZERO);
            throw e;
        }
        return asyncCalls.queue(function.name(), caller, body == null ? json.createObjectNode() : body);
    }

    /** Runs a queued call as its caller, timed and logged like a synchronous one. */
    Object runQueued(RxFunction<?, ?> function, Actor caller, JsonNode body, String requestId) {
        return measured(function, caller, requestId, attempts -> Actors.as(caller,
                () -> call(function, caller, body, null, attempts)));
    }

    private Object measured(RxFunction<?, ?> function, Actor caller, String requestId,
                            java.util.function.Function<AtomicInteger, Object> work) {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        AtomicInteger attempts = new AtomicInteger(0);
        ErrorCode failure = null;
        try {
            return work.apply(attempts);
        } catch (RuntimeException e) {
            failure = classify(e);
            throw e;
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String outcome = outcome(failure);
            metrics.record(function.name(), outcome, took);
            record(new InvocationLog.Entry(function.name(), caller.auditId(), caller.role().value(), caller.orgId(),
                    failure == null ? 200 : failure.status().value(), outcome, failure == null ? null : failure.name(),
                    Math.max(attempts.get(), 1), took.toNanos() / 1_000_000.0, requestId, startedAt));
        }
    }

    private <I, O> O call(RxFunction<I, O> function, Actor caller, JsonNode body, HttpInputMessage request,
                          AtomicInteger attempts) {
        return runner.run(function, checked(function, caller, body, request), attempts);
    }

    /** Role, rate limit, then the input read and validated: every check a call passes before it runs. */
    private <I> I checked(RxFunction<I, ?> function, Actor caller, JsonNode body, HttpInputMessage request) {
        if (!function.allowedRoles().contains(caller.role())) {
            throw ApiException.forbidden();
        }
        limits.check(function, caller);
        I input = read(function.inputType(), body, request);
        Set<ConstraintViolation<I>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return input;
    }

    /** Read with the application's rules; errors are reported exactly like a controller's unreadable body. */
    private <I> I read(Class<I> type, JsonNode body, HttpInputMessage request) {
        try {
            return json.treeToValue(body == null ? json.createObjectNode() : body, type);
        } catch (JacksonException e) {
            if (request == null) {
                throw new ApiException(ErrorCode.VALIDATION_ERROR, "The queued input no longer fits the function");
            }
            throw new HttpMessageNotReadableException("function input unreadable", e, request);
        }
    }

    /** A failure as the error code the caller sees (also what a queued call's status URL reports). */
    static ErrorCode classify(RuntimeException e) {
        if (e instanceof ApiException api) {
            return api.code();
        }
        if (e instanceof HttpMessageNotReadableException || e instanceof ConstraintViolationException) {
            return ErrorCode.VALIDATION_ERROR;
        }
        if (e instanceof AccessDeniedException) {
            return ErrorCode.FORBIDDEN;
        }
        if (e instanceof DataAccessException) {
            return ErrorCode.SERVICE_UNAVAILABLE;
        }
        return ErrorCode.INTERNAL_ERROR;
    }

    private static String outcome(ErrorCode failure) {
        if (failure == null) {
            return FunctionMetrics.SUCCESS;
        }
        if (failure == ErrorCode.FUNCTION_TIMEOUT) {
            return "timeout";
        }
        return failure.status().is4xxClientError() ? "client_error" : "error";
    }

    /** A lost log row must not turn a finished call into a failure, nor hide the failure being reported. */
    private void record(InvocationLog.Entry entry) {
        try {
            invocations.append(entry);
        } catch (DataAccessException e) {
            log.error("could not log invocation of function {} ({})", entry.function(), e.getClass().getSimpleName());
        }
    }
}
