package com.ai2aim.rx.communications.internal;

import com.ai2aim.rx.platform.web.ApiException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Query-string times: an ISO-8601 instant or offset date-time, or a plain date (taken in UTC). Years outside
 * 1–9999 are refused here, because PostgreSQL would refuse them later as a server error.
 */
final class TimeParameters {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = LocalDate.of(10_000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private TimeParameters() {}

    /** The instant a range starts at; a date starts at its first moment. */
    static Instant start(String name, String raw) {
        return parse(name, raw, false);
    }

    /** The instant a range ends before; a date includes the whole day. */
    static Instant end(String name, String raw) {
        return parse(name, raw, true);
    }

    private static Instant parse(String name, String raw, boolean dateIsInclusiveEnd) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.trim();
        Instant instant;
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                instant = (dateIsInclusiveEnd ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
            } else {
                instant = OffsetDateTime.parse(value).toInstant();
            }
        } catch (DateTimeException e) {
            throw ApiException.invalid(name, "must be an ISO-8601 date (2026-01-31) or date-time (2026-01-31T09:00:00Z)");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ApiException.invalid(name, "must be between the years 1 and 9999");
        }
        return instant;
    }
}
