package com.ai2aim.rx.platform.web;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code total} of a list, counted only up to a cap. An exact {@code count(*)} over an organisation's tens of
 * thousands of prescriptions visits every matching row on every page request, and was the largest cost of the
 * pharmacy mix (bench/README.md); nobody pages through 10,000 rows. Past the cap (or past the page asked for, if
 * further) the total is a lower bound and {@code Pagination.totalExact} says so. See docs/adr/0005.
 */
public final class PageCount {

    /** Counts are exact up to this many rows. */
    public static final long CAP = 1_000;

    private PageCount() {}

    /**
     * Counts the rows of {@code fromWhere} (a {@code from … where …} clause) up to the cap or just past the page asked
     * for, whichever is further.
     */
    public static Total bounded(JdbcClient jdbc, String fromWhere, Map<String, ?> params, PageQuery page) {
        long cap = Math.max(CAP, page.offset() + page.limit());
        long counted = jdbc.sql("select count(*) from (select 1 " + fromWhere + " limit :countCap) counted")
                .params(params).param("countCap", cap + 1).query(Long.class).single();
        return counted > cap ? new Total(cap, false) : new Total(counted, true);
    }

    /** A total, exact or a lower bound. */
    public record Total(long value, boolean exact) {}
}
