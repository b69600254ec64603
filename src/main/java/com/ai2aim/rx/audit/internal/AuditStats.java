package com.ai2aim.rx.audit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Summaries of the trail for the admin dashboard. */
@Component
class AuditStats {

    record Count(String key, long count) {}

    record Summary(long total, List<Count> byAction, List<Count> byResourceType, List<Count> byDay,
                   long failedSignIns, long failures) {}

    private final JdbcClient jdbc;

    AuditStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Summary summarise(AuditFilter filter) {
        String where = filter.where();
        Map<String, Object> params = new LinkedHashMap<>(filter.params());
        long total = jdbc.sql("select count(*) from audit_log" + where).params(params).query(Long.class).single();
        List<Count> byAction = counts("action", where, params);
        List<Count> byResource = counts("resource_type", where, params);
        List<Count> byDay = counts("to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD')", where, params);
        String and = where.isEmpty() ? " where " : where + " and ";
        long failedSignIns = jdbc.sql("select count(*) from audit_log" + and + "action = 'auth.sign_in' and outcome = 'failure'")
                .params(params).query(Long.class).single();
        long failures = jdbc.sql("select count(*) from audit_log" + and + "outcome = 'failure'")
                .params(params).query(Long.class).single();
        return new Summary(total, byAction, byResource, byDay, failedSignIns, failures);
    }

    private List<Count> counts(String expression, String where, Map<String, Object> params) {
        return jdbc.sql("select " + expression + " as k, count(*) as n from audit_log" + where + " group by 1 order by 2 desc, 1 limit 100")
                .params(params).query((rs, i) -> new Count(rs.getString(1), rs.getLong(2))).list();
    }
}
