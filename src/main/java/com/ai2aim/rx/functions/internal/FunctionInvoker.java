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

    FunctionInvoker(FunctionRegistry registry, FunctionRunner runner, FunctionMetrics metrics, InvocationLog invocations,
                    JsonMapper json, Validator validator) {
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
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        AtomicInteger attempts = new AtomicInteger(0);
        ErrorCode failure = null;
        try {
            return call(function, caller, body, request, attempts);
        } catch (RuntimeException e) {
            failure = classify(e);
            throw e;
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String outcome = outcome(failure);
            metrics.record(name, outcome, took);
            record(new InvocationLog.Entry(name, caller.auditId(), caller.role().value(), caller.orgId(),
                    failure == null ? 200 : failure.status().value(), outcome, failure == null ? null : failure.name(),
                    Math.max(attempts.get(), 1), took.toNanos() / 1_000_000.0, RequestContext.requestId(), startedAt));
        }
    }

    private <I, O> O call(RxFunction<I, O> function, Actor caller, JsonNode body, HttpInputMessage request,
                          AtomicInteger attempts) {
        if (!function.allowedRoles().contains(caller.role())) {
            throw ApiException.forbidden();
        }
        I input = read(function.inputType(), body, request);
        Set<ConstraintViolation<I>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return runner.run(function, input, attempts);
    }

    /** Read with the application's rules; errors are reported exactly like a controller's unreadable body. */
    private <I> I read(Class<I> type, JsonNode body, HttpInputMessage request) {
        try {
            return json.treeToValue(body == null ? json.createObjectNode() : body, type);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException("function input unreadable", e, request);
        }
    }

    private static ErrorCode classify(RuntimeException e) {
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
