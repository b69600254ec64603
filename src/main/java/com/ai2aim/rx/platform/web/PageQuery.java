package com.ai2aim.rx.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validated paging and sorting: {@code page} from 1, {@code limit} 1–100 (default 20), and
 * {@code sort=field,-field} over a whitelist that maps API field names to SQL columns, so a sort can never inject SQL.
 */
public record PageQuery(int page, int limit, String orderBy) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final int MAX_PAGE = 1_000_000;
    private static final Pattern INTEGER = Pattern.compile("\\d{1,9}");

    public static PageQuery of(String page, String limit, String sort, Map<String, String> sortable, String defaultOrder) {
        int p = parse("page", page, 1, 1, MAX_PAGE);
        int l = parse("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        return new PageQuery(p, l, orderBy(sort, sortable, defaultOrder));
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }

    private static int parse(String name, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        if (!INTEGER.matcher(raw.trim()).matches()) {
            throw ApiException.invalid(name, "must be a whole number between " + min + " and " + max);
        }
        int value = Integer.parseInt(raw.trim());
        if (value < min || value > max) {
            throw ApiException.invalid(name, "must be between " + min + " and " + max);
        }
        return value;
    }

    private static String orderBy(String sort, Map<String, String> sortable, String defaultOrder) {
        if (sort == null || sort.isBlank()) {
            return defaultOrder;
        }
        Map<String, String> terms = new LinkedHashMap<>();
        for (String raw : sort.split(",")) {
            String term = raw.trim();
            boolean descending = term.startsWith("-");
            String field = descending ? term.substring(1) : term;
            String column = sortable.get(field);
            if (column == null) {
                throw ApiException.invalid("sort", "cannot sort by '" + abbreviate(field) + "'; allowed: " + String.join(", ", sortable.keySet()));
            }
            terms.putIfAbsent(column, column + (descending ? " desc" : " asc"));
        }
        List<String> parts = new ArrayList<>(terms.values());
        parts.add(defaultOrder);
        return String.join(", ", parts);
    }

    private static String abbreviate(String s) {
        String printable = s.replaceAll("[^A-Za-z0-9_.-]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
