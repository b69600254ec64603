package com.ai2aim.rx.platform.db;

import java.util.function.Supplier;

/**
 * Work a person is waiting on at the point of care (an interaction check while a prescription is written, a
 * verification at the counter) runs on connections of its own, so it never queues behind list pages and searches for
 * the request pool. Under load that queue is most of a request's time: at 80 % of the clinical mix's maximum on two
 * cores, a request waited 16 ms on average for one of the pool's five connections and then used it for 5 ms
 * (bench/README.md). The lane is a bulkhead, not a bypass: its pool is small ({@code rx.database.priority-pool-size}),
 * row-level security applies exactly as on the request pool, and only work that holds a connection for a few
 * milliseconds belongs in it. Work acting as the service keeps the service pool.
 */
public final class PriorityLane {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    private PriorityLane() {}

    /** Runs {@code work} with every transaction it opens on this thread taking a priority connection. */
    public static <T> T run(Supplier<T> work) {
        Boolean outer = ACTIVE.get();
        ACTIVE.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                ACTIVE.remove();
            } else {
                ACTIVE.set(outer);
            }
        }
    }

    /** Whether the current thread is inside {@link #run}. */
    public static boolean active() {
        return ACTIVE.get() != null;
    }
}
