package com.ai2aim.rx.functions.internal;

import com.ai2aim.rx.platform.db.OneTrip;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.web.PageQuery;
import com.ai2aim.rx.platform.web.PageResult;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code function_invocations} table: appended by the service role, read by admins under row-level security. */
@Repository
class InvocationLog {

    static final Map<String, String> SORTABLE = Map.of("startedAt", "started_at", "durationMs", "duration_ms",
            "status", "status");

    /** One finished invocation. Ids, codes and figures only; never the input or the output. */
    record Entry(String function, String callerId, String callerRole, UUID orgId, int status, String outcome,
                 String errorCode, int attempts, double durationMs, String requestId, Instant startedAt) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final OneTrip oneTrip;

    InvocationLog(JdbcClient jdbc, TransactionTemplate transactions, OneTrip oneTrip) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.oneTrip = oneTrip;
    }

    /**
     * Appends as the service (callers may not write the log themselves) in one round trip; must be called outside a
     * transaction. Every call waits for it before its response goes out, but not for its flush to disk: this is an
     * operational log, not the audit trail (which records the same call's data access durably), and waiting for a
     * second fsync per call doubled the time a function spent waiting on the disk under load. The row survives a stop
     * of this service at any moment; only a crash of the database server itself may lose its last fraction of a
     * second.
     */
    void append(Entry e) {
        Actors.asService(() -> oneTrip.updateAsyncCommit("""
                insert into function_invocations (function_name, caller_id, caller_role, org_id, status, outcome,
                    error_code, attempts, duration_ms, request_id, started_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.function(), e.callerId(), e.callerRole(), e.orgId(), e.status(), e.outcome(), e.errorCode(),
                e.attempts(), e.durationMs(), e.requestId(), Timestamp.from(e.startedAt())));
    }

    /** One page of a function's invocations that the acting admin may see. */
    PageResult<InvocationView> page(String function, PageQuery paging) {
        return transactions.execute(status -> {
            List<InvocationView> rows = jdbc.sql("""
                    select id, function_name, caller_id, caller_role, org_id, status, outcome, error_code, attempts,
                           duration_ms, request_id, started_at
                    from function_invocations where function_name = :function
                    order by """ + " " + paging.orderBy() + " limit :limit offset :offset")
                    .param("function", function).param("limit", paging.limit()).param("offset", paging.offset())
                    .query((rs, n) -> new InvocationView(rs.getObject("id", UUID.class), rs.getString("function_name"),
                            rs.getString("caller_id"), rs.getString("caller_role"), rs.getObject("org_id", UUID.class),
                            rs.getInt("status"), rs.getString("outcome"), rs.getString("error_code"), rs.getInt("attempts"),
                            rs.getDouble("duration_ms"), rs.getString("request_id"), rs.getTimestamp("started_at").toInstant()))
                    .list();
            long total = jdbc.sql("select count(*) from function_invocations where function_name = :function")
                    .param("function", function).query(Long.class).single();
            return PageResult.of(rows, paging, total);
        });
    }
}
