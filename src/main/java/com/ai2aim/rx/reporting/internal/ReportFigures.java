package com.ai2aim.rx.reporting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures of both reports, read-only aggregates over other modules' tables, run as the service inside the
 * caller's transaction. Access review rules: a user is flagged for a day on which they opened or changed more than
 * {@code rx.reports.unusual-patients-per-day} distinct patients' records, and for accesses outside working hours
 * ({@code rx.reports.working-hours}, in {@code RX_TIMEZONE}).
 */
@Component
class ReportFigures {

    private static final String FILLS_BY_TYPE = """
            select case when p.dea_schedule is null then 'non-controlled' else 'schedule ' || p.dea_schedule end
                   || case when f.fill_number = 1 then ', new' else ', refill' end as type, count(*)
              from prescription_fills f join prescriptions p on p.id = f.prescription_id
             where f.filled_at >= :from and f.filled_at < :to group by 1 order by 1""";
    private static final String FILLS_BY_PHARMACIST = """
            select f.filled_by::text, count(*) from prescription_fills f
             where f.filled_at >= :from and f.filled_at < :to group by 1 order by 2 desc, 1""";
    private static final String VISITS = """
            select type, count(*) from patient_visits where occurred_at >= :from and occurred_at < :to group by 1 order by 1""";
    private static final String FUNCTION_ERRORS = """
            select function_name, count(*), count(*) filter (where outcome in ('error', 'timeout')),
                   round(100.0 * count(*) filter (where outcome in ('error', 'timeout')) / count(*), 2)
              from function_invocations where started_at >= :from and started_at < :to group by 1 order by 1""";
    private static final String JOB_ERRORS = """
            select job, count(*), count(*) filter (where status = 'failed'),
                   round(100.0 * count(*) filter (where status = 'failed') / count(*), 2)
              from job_runs where started_at >= :from and started_at < :to and not dry_run
               and status in ('succeeded', 'failed') group by 1 order by 1""";
    private static final String TOP_MEDICATIONS = """
            select m.name, count(*) from prescription_dispenses d
              join prescriptions p on p.id = d.prescription_id join medications m on m.id = p.medication_id
             where d.dispensed_at >= :from and d.dispensed_at < :to group by m.name order by 2 desc, 1 limit 10""";
    private static final String AUDIT_BY_ACTION = """
            select action, outcome, count(*) from audit_log where occurred_at >= :from and occurred_at < :to
             group by 1, 2 order by 3 desc, 1, 2""";
    private static final String ACCESS_REVIEW = """
            select actor_id, actor_role, resource_id, count(*) from audit_log
             where resource_type = 'patient' and resource_id is not null and occurred_at >= :from and occurred_at < :to
             group by 1, 2, 3 order by 1, 3""";
    private static final String UNUSUAL_VOLUME = """
            select actor_id, (occurred_at at time zone :zone)::date::text, count(distinct resource_id) from audit_log
             where resource_type = 'patient' and resource_id is not null and occurred_at >= :from and occurred_at < :to
             group by 1, 2 having count(distinct resource_id) > :limit order by 3 desc, 1, 2""";
    private static final String AFTER_HOURS = """
            select actor_id, count(*), count(distinct resource_id) from audit_log
             where resource_type = 'patient' and resource_id is not null and occurred_at >= :from and occurred_at < :to
               and (extract(hour from occurred_at at time zone :zone) < :open or extract(hour from occurred_at at time zone :zone) >= :close)
             group by 1 order by 2 desc, 1""";
    private static final String FAILED_SIGN_INS = """
            select reason, count(*), count(distinct user_id) from sign_in_attempts
             where not succeeded and at >= :from and at < :to group by 1 order by 2 desc, 1""";
    private static final String EXPORTS = """
            select actor_id, action, count(*) from audit_log
             where (action like '%.export' or action like '%.download') and occurred_at >= :from and occurred_at < :to
             group by 1, 2 order by 3 desc, 1, 2""";

    private final JdbcClient jdbc;
    private final int unusualPatientsPerDay;
    private final int open;
    private final int close;

    ReportFigures(JdbcClient jdbc, @Value("${rx.reports.unusual-patients-per-day:30}") int unusualPatientsPerDay,
                  @Value("${rx.reports.working-hours-start:7}") int open, @Value("${rx.reports.working-hours-end:20}") int close) {
        this.jdbc = jdbc;
        this.unusualPatientsPerDay = unusualPatientsPerDay;
        this.open = open;
        this.close = close;
    }

    List<Section> weekly(ReportKind.Period period) {
        return List.of(
                Section.charted("fillsByType", "Prescriptions filled by type", List.of("type", "fills"), rows(FILLS_BY_TYPE, period, Map.of())),
                Section.charted("fillsByPharmacist", "Prescriptions filled by pharmacist (user id)", List.of("pharmacist", "fills"),
                        rows(FILLS_BY_PHARMACIST, period, Map.of())),
                Section.charted("visits", "Patient visits", List.of("type", "visits"), rows(VISITS, period, Map.of())),
                Section.table("functionErrors", "Function error rates", List.of("function", "invocations", "errors", "errorRatePercent"),
                        rows(FUNCTION_ERRORS, period, Map.of())),
                Section.table("jobErrors", "Job error rates (each attempt counts)", List.of("job", "runs", "failed", "errorRatePercent"),
                        rows(JOB_ERRORS, period, Map.of())),
                Section.charted("topMedications", "Top medications dispensed", List.of("medication", "dispensed"),
                        rows(TOP_MEDICATIONS, period, Map.of())));
    }

    List<Section> compliance(ReportKind.Period period, String zone) {
        Map<String, Object> hours = Map.of("zone", zone, "open", open, "close", close);
        return List.of(
                Section.table("auditByAction", "Audit trail by action and outcome", List.of("action", "outcome", "records"),
                        rows(AUDIT_BY_ACTION, period, Map.of())),
                Section.table("accessReview", "Patient records opened or changed, by user", List.of("user", "role", "patient", "accesses"),
                        rows(ACCESS_REVIEW, period, Map.of())),
                Section.table("unusualVolume", "Users who opened more than " + unusualPatientsPerDay + " patients in a day",
                        List.of("user", "day", "patients"), rows(UNUSUAL_VOLUME, period, Map.of("zone", zone, "limit", unusualPatientsPerDay))),
                Section.charted("afterHours", "Patient record accesses outside " + open + ":00-" + close + ":00 (" + zone + ")",
                        List.of("user", "accesses", "patients"), rows(AFTER_HOURS, period, hours)),
                Section.charted("failedSignIns", "Failed sign-ins by reason", List.of("reason", "attempts", "accounts"),
                        rows(FAILED_SIGN_INS, period, Map.of())),
                Section.table("exports", "Exports and downloads", List.of("user", "action", "count"), rows(EXPORTS, period, Map.of())));
    }

    private List<List<Object>> rows(String sql, ReportKind.Period period, Map<String, Object> extra) {
        var spec = jdbc.sql(sql).param("from", Timestamp.from(period.start())).param("to", Timestamp.from(period.end()));
        for (var e : extra.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.query(ReportFigures::row).list();
    }

    private static List<Object> row(ResultSet rs, int n) throws SQLException {
        int columns = rs.getMetaData().getColumnCount();
        List<Object> row = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
            Object value = rs.getObject(i);
            row.add(value instanceof java.math.BigDecimal d ? d.doubleValue() : value);
        }
        return row;
    }
}
