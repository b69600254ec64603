package com.ai2aim.rx.platform.web;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code total} of a list, counted only up to a cap. An exact {@code count(*)} over an organisation's tens of
 * thousands of prescriptions visits every matching row on every page request, and was the largest cost of the
 * pharmacy mix (bench/README.md); nobody pages through 10,000 rows. Past the cap (or past the page asked for, if
 * further) the total is a lower bound and {@code Pagination.totalExact} says so. See docs/adr/0005.
 *
 * <p>A page that came back short is the last one, so its total needs no count at all: most filtered lists (one
 * patient's prescriptions, a name search) end on their first page.
 */
public final class PageCount {

    /** Counts are exact up to this many rows. */
    public static final long CAP = 1_000;

    private PageCount() {}

    /**
     * The total of a list whose page {@code page} held {@code itemsOnPage} rows; when it has to be counted, the rows of
     * {@code fromWhere} (a {@code from … where …} clause) are counted up to the cap or just past the page asked for,
     * whichever is further.
     */
    public static Total bounded(JdbcClient jdbc, String fromWhere, Map<String, ?> params, PageQuery page, int itemsOnPage) {
        return counted(jdbc, "select count(*) from (select 1 " + fromWhere + " limit :countCap) counted", params, page, itemsOnPage);
    }

    /** As {@link #bounded}, with the count's SQL given whole; it binds {@code :countCap}. */
    public static Total counted(JdbcClient jdbc, String boundedCountSql, Map<String, ?> params, PageQuery page, int itemsOnPage) {
        if (itemsOnPage < page.limit() && (itemsOnPage > 0 || page.offset() == 0)) {
            return new Total(page.offset() + itemsOnPage, true);
        }
        long cap = Math.max(CAP, page.offset() + page.limit());
        long counted = jdbc.sql(boundedCountSql).params(params).param("countCap", cap + 1).query(Long.class).single();
        return counted > cap ? new Total(cap, false) : new Total(counted, true);
    }

    /** A total, exact or a lower bound. */
    public record Total(long value, boolean exact) {}
}
