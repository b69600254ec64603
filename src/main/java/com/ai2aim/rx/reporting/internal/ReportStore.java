package com.ai2aim.rx.reporting.internal;

import com.ai2aim.rx.platform.web.PageQuery;
import com.ai2aim.rx.platform.web.PageResult;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code reports} table. Callers open the transaction (as the service to write, as the admin to read). */
@Repository
class ReportStore {

    static final java.util.Map<String, String> SORTABLE = java.util.Map.of("createdAt", "created_at", "periodStart", "period_start");

    private static final String VIEW_COLUMNS = "id, kind, period_start, period_end, created_at, status";

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UUID> find(ReportKind kind, ReportKind.Period period) {
        return jdbc.sql("select id from reports where kind = :kind and period_start = :start")
                .param("kind", kind.value()).param("start", Timestamp.from(period.start())).query(UUID.class).optional();
    }

    UUID insert(ReportKind kind, ReportKind.Period period, String summaryJson, String csv, byte[] pdf) {
        return jdbc.sql("""
                insert into reports (kind, period_start, period_end, summary, csv, pdf)
                values (:kind, :start, :end, cast(:summary as jsonb), :csv, :pdf) returning id""")
                .param("kind", kind.value()).param("start", Timestamp.from(period.start()))
                .param("end", Timestamp.from(period.end())).param("summary", summaryJson).param("csv", csv).param("pdf", pdf)
                .query(UUID.class).single();
    }

    PageResult<ReportView> page(String kind, PageQuery paging) {
        String where = kind == null ? "" : " where kind = :kind";
        var list = jdbc.sql("select " + VIEW_COLUMNS + ", null as summary from reports" + where + " order by " + paging.orderBy()
                + " limit :limit offset :offset").param("limit", paging.limit()).param("offset", paging.offset());
        var count = jdbc.sql("select count(*) from reports" + where);
        if (kind != null) {
            list = list.param("kind", kind);
            count = count.param("kind", kind);
        }
        List<ReportView> rows = list.query(ReportStore::view).list();
        return PageResult.of(rows, paging, count.query(Long.class).single());
    }

    Optional<ReportView> view(UUID id) {
        return jdbc.sql("select " + VIEW_COLUMNS + ", summary::text as summary from reports where id = :id")
                .param("id", id).query(ReportStore::view).optional();
    }

    Optional<String> csv(UUID id) {
        return jdbc.sql("select csv from reports where id = :id").param("id", id).query(String.class).optional();
    }

    Optional<byte[]> pdf(UUID id) {
        return jdbc.sql("select pdf from reports where id = :id").param("id", id).query(byte[].class).optional();
    }

    private static ReportView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ReportView(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getTimestamp("period_start").toInstant(),
                rs.getTimestamp("period_end").toInstant(), rs.getTimestamp("created_at").toInstant(), rs.getString("status"),
                ReportView.summaryOf(rs.getString("summary")));
    }
}
