package com.ai2aim.rx.platform.web;

/**
 * The plan's pagination block, plus {@code totalExact}: false when {@code total} (and so {@code pages}) is a lower
 * bound because the list was counted only up to {@link PageCount#CAP} rows.
 */
public record Pagination(int page, int limit, long total, long pages, boolean hasNext, boolean hasPrev, boolean totalExact) {

    static Pagination of(int page, int limit, long total) {
        return of(page, limit, total, true);
    }

    static Pagination of(int page, int limit, long total, boolean exact) {
        long pages = total == 0 ? 0 : (total + limit - 1) / limit;
        return new Pagination(page, limit, total, pages, page < pages || !exact, page > 1, exact);
    }
}
