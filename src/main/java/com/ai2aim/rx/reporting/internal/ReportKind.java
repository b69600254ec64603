package com.ai2aim.rx.reporting.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** The two reports and the period each covers, in the service's time zone. */
enum ReportKind {
    WEEKLY("weekly", "Weekly operations report"),
    COMPLIANCE("compliance", "Monthly compliance report");

    /** A half-open period [start, end). */
    record Period(Instant start, Instant end) {}

    private final String value;
    private final String title;

    ReportKind(String value, String title) {
        this.value = value;
        this.title = title;
    }

    String value() {
        return value;
    }

    String title() {
        return title;
    }

    /** The week (Monday to Monday) or calendar month before the one {@code due} falls in. */
    Period periodBefore(Instant due, ZoneId zone) {
        LocalDate day = due.atZone(zone).toLocalDate();
        LocalDate end = this == WEEKLY ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
        LocalDate start = this == WEEKLY ? end.minusWeeks(1) : end.minusMonths(1);
        return new Period(start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant());
    }

    static ReportKind of(String value) {
        for (ReportKind kind : values()) {
            if (kind.value.equals(value)) {
                return kind;
            }
        }
        return null;
    }
}
