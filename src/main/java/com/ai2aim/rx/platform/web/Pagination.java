package com.ai2aim.rx.platform.web;

/** The plan's pagination block. */
public record Pagination(int page, int limit, long total, long pages, boolean hasNext, boolean hasPrev) {

    static Pagination of(int page, int limit, long total) {
        long pages = total == 0 ? 0 : (total + limit - 1) / limit;
        return new Pagination(page, limit, total, pages, page < pages, page > 1);
    }
}
