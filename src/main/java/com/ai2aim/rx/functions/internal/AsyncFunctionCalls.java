package com.ai2aim.rx.functions.internal;

import com.ai2aim.rx.functions.RxFunction;
import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ErrorCode;
import com.ai2aim.rx.platform.web.RequestContext;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code Prefer: respond-async}: the call is stored with an event in the same transaction (Modulith's JDBC outbox),
 * and the event's listener runs it later as the caller. If a copy stops mid-call, the event is delivered again on
 * restart and the call's lapsed lease lets it be claimed again; a finished call is never run twice.
 */
@Component
class AsyncFunctionCalls {

    private static final Logger log = LoggerFactory.getLogger(AsyncFunctionCalls.class);

    private final FunctionCalls calls;
    private final FunctionRegistry registry;
    private final FunctionInvoker invoker;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    AsyncFunctionCalls(FunctionCalls calls, FunctionRegistry registry, FunctionInvoker invoker,
                       ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.calls = calls;
        this.registry = registry;
        this.invoker = invoker;
        this.events = events;
        this.transactions = transactions;
    }

    /** Stores the call as the caller (RLS checks it is theirs) and queues it; returns its id. */
    UUID queue(String function, Actor caller, JsonNode input) {
        return transactions.execute(status -> {
            UUID id = calls.insert(function, caller, input, RequestContext.requestId());
            events.publishEvent(new FunctionCallQueued(id));
            return id;
        });
    }

    /** Not transactional itself (the work runs as the service and then as the caller, each in its own transactions). */
    @Async
    @TransactionalEventListener
    void on(FunctionCallQueued event) {
        Optional<FunctionCalls.Claimed> claimed = Actors.asService(() -> transactions.execute(status -> calls.claim(event.callId(),
                Duration.ofMinutes(5))));
        if (claimed.isEmpty()) {
            return;
        }
        FunctionCalls.Claimed call = claimed.get();
        Optional<RxFunction<?, ?>> function = registry.find(call.function());
        if (function.isEmpty()) {
            finish(call.id(), null, new ApiException(ErrorCode.NOT_FOUND, "Function not found"));
            return;
        }
        try {
            Object output = RequestContext.with(new RequestContext.Info(call.requestId(), null, null),
                    () -> invoker.runQueued(function.get(), call.caller(), call.input(), call.requestId()));
            finish(call.id(), output, null);
        } catch (RuntimeException e) {
            finish(call.id(), null, e);
        }
    }

    private void finish(UUID id, Object output, RuntimeException failure) {
        Actors.asService(() -> transactions.execute(status -> {
            if (failure == null) {
                calls.succeed(id, output);
            } else {
                ErrorCode code = FunctionInvoker.classify(failure);
                // Only our own messages reach the caller; an unexpected exception's text could hold anything.
                String message = failure instanceof ApiException ? failure.getMessage() : "The function failed";
                if (!(failure instanceof ApiException)) {
                    log.error("queued call {} failed ({})", id, failure.getClass().getSimpleName());
                }
                calls.fail(id, code.status().value(), code.name(), message);
            }
            return null;
        }));
    }
}
