package com.ai2aim.rx.platform.web;

import java.util.UUID;

/**
 * Facts about the HTTP request being served (or the background work being done) that audit rows and logs carry:
 * request id, client IP and user agent. Set by {@link RequestIdFilter}; outside a request the request id is
 * generated on first use so background work is still traceable.
 */
public final class RequestContext {

    public record Info(String requestId, String ip, String userAgent) {}

    private static final ThreadLocal<Info> CURRENT = new ThreadLocal<>();

    private RequestContext() {}

    public static Info current() {
        Info info = CURRENT.get();
        if (info == null) {
            info = new Info(RequestIdFilter.newRequestId(), null, null);
            CURRENT.set(info);
        }
        return info;
    }

    public static String requestId() {
        return current().requestId();
    }

    /**
     * Runs work on another thread with the request's facts (a function run under a timeout, say), so the audit rows
     * it writes carry the caller's request id, IP and user agent rather than a fresh id.
     */
    public static <T> T with(Info info, java.util.function.Supplier<T> work) {
        Info previous = CURRENT.get();
        CURRENT.set(info);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    static void set(Info info) {
        CURRENT.set(info);
    }

    static void clear() {
        CURRENT.remove();
    }
}
