package com.ai2aim.rx.audit.internal;

import com.ai2aim.rx.platform.web.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit list filters, turned into a parameterised WHERE clause. */
record AuditFilter(String actor, String action, String resourceType, String resourceId, Instant from, Instant to) {

    static AuditFilter of(String actor, String action, String resourceType, String resourceId, String from, String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && end.isBefore(start)) {
            throw ApiException.invalid("to", "must not be before 'from'");
        }
        return new AuditFilter(blankToNull(actor), blankToNull(action), blankToNull(resourceType), blankToNull(resourceId), start, end);
    }

    String where() {
        List<String> clauses = new ArrayList<>();
        if (actor != null) clauses.add("actor_id = :actor");
        if (action != null) clauses.add("action = :action");
        if (resourceType != null) clauses.add("resource_type = :resourceType");
        if (resourceId != null) clauses.add("resource_id = :resourceId");
        if (from != null) clauses.add("occurred_at >= :from");
        if (to != null) clauses.add("occurred_at < :to");
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        if (actor != null) params.put("actor", actor);
        if (action != null) params.put("action", action);
        if (resourceType != null) params.put("resourceType", resourceType);
        if (resourceId != null) params.put("resourceId", resourceId);
        if (from != null) params.put("from", java.sql.Timestamp.from(from));
        if (to != null) params.put("to", java.sql.Timestamp.from(to));
        return params;
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, "must be an ISO-8601 date or timestamp");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
