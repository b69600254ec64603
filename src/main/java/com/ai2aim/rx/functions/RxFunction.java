package com.ai2aim.rx.functions;

import com.ai2aim.rx.platform.security.Role;
import java.time.Duration;
import java.util.Set;

/**
 * A function callable at {@code POST /functions/v1/{name()}}. Declare it as a Spring bean in the module whose data it
 * reads or changes; the runtime finds every such bean at start-up.
 *
 * <p>The runtime parses the JSON body into {@link #inputType()} with the application's JSON rules (unknown fields and
 * wrong types refused), validates it with its jakarta constraints, refuses callers whose role is not in
 * {@link #allowedRoles()}, and runs {@link #invoke} as the caller (row-level security applies) on another thread
 * bounded by {@link #timeout()}. The return value is the response body as is, not wrapped in the envelope. Throw
 * {@link com.ai2aim.rx.platform.web.ApiException} for failures the client caused, and
 * {@link TransientFunctionException} for failures worth retrying (three attempts in all, with back-off).
 *
 * @param <I> the input record
 * @param <O> the output, serialised to JSON
 */
public interface RxFunction<I, O> {

    /** The URL name, lower-case words joined by hyphens ({@code drug-interaction-check}); stored in the log, so never rename one. */
    String name();

    Class<I> inputType();

    Set<Role> allowedRoles();

    /** The longest one invocation may take, retries included; past it the caller gets 504 FUNCTION_TIMEOUT. */
    Duration timeout();

    O invoke(I input);

    /**
     * How many calls a minute one caller may make, counted in PostgreSQL across every copy of the service; past it the
     * caller gets 429 RATE_LIMITED with Retry-After. A deployment may override it with
     * {@code rx.functions.<name>.calls-per-minute}.
     */
    default int callsPerMinute() {
        return 600;
    }

    /**
     * Whether the function runs in the {@link com.ai2aim.rx.platform.db.PriorityLane}, on database connections
     * reserved for short checks that someone is waiting on, instead of queueing with list pages for the request pool.
     * Only for functions whose transactions hold a connection for a few milliseconds: the lane is small, and a slow
     * function in it would hold up the others.
     */
    default boolean prioritised() {
        return false;
    }

    /** Whether a failure is worth another attempt. By default only {@link TransientFunctionException} is. */
    default boolean isTransient(RuntimeException failure) {
        return failure instanceof TransientFunctionException;
    }
}
