package com.ai2aim.rx.platform.security;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The current {@link Actor}. Request threads take it from Spring Security; code that must act as the service
 * (sign-in before a user is known, jobs, bootstrap) wraps itself in {@link #asService(Supplier)}.
 */
public final class Actors {

    private static final ThreadLocal<Actor> OVERRIDE = new ThreadLocal<>();

    private Actors() {}

    public static Optional<Actor> current() {
        Actor override = OVERRIDE.get();
        if (override != null) {
            return Optional.of(override);
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            return Optional.of(actor);
        }
        return Optional.empty();
    }

    /** The signed-in actor; fails as 401 when there is none. */
    public static Actor required() {
        return current().orElseThrow(() -> new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException("no actor"));
    }

    /** Runs work as the given actor (for work handed to another thread). */
    public static <T> T as(Actor actor, Supplier<T> work) {
        Actor previous = OVERRIDE.get();
        OVERRIDE.set(actor);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                OVERRIDE.remove();
            } else {
                OVERRIDE.set(previous);
            }
        }
    }

    /** Runs work as the service role. Transactions begun inside see every row (RLS is bypassed) and audit as "service". */
    public static <T> T asService(Supplier<T> work) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            // A transaction already open keeps the role it began with; acting as the service inside it would be a lie.
            throw new IllegalStateException("asService must be entered outside a transaction");
        }
        return as(Actor.SERVICE, work);
    }
}
