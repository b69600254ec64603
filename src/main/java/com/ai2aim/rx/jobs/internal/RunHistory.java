package com.ai2aim.rx.jobs.internal;

import com.ai2aim.rx.jobs.JobOutcome;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.web.PageQuery;
import com.ai2aim.rx.platform.web.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code job_runs} table. The runtime writes it as the service role (each call its own short transaction, so a
 * run's record survives the run failing); admins read it under row-level security.
 */
@Repository
class RunHistory {

    static final Map<String, String> SORTABLE = Map.of("scheduledFor", "scheduled_for", "startedAt", "started_at",
            "status", "status");
    private static final String COLUMNS = """
             id, job, node, trigger, scheduled_for, started_at, finished_at, status, items, error_code, error_message,
             attempt, dry_run, requested_by, details::text as details """;

    /** A failure as the history keeps it: a code and a message without PHI. */
    record Failure(String code, String message) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    RunHistory(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    /** A run an admin asked for, waiting for a scheduler thread; joins the admin's transaction. */
    UUID queue(String job, boolean dryRun, String requestedBy, Instant now) {
        return jdbc.sql("""
                insert into job_runs (job, trigger, scheduled_for, status, dry_run, requested_by)
                values (:job, 'manual', :at, 'queued', :dry, :by) returning id""")
                .param("job", job).param("at", Timestamp.from(now)).param("dry", dryRun).param("by", requestedBy)
                .query(UUID.class).single();
    }

    /** Starts an attempt of a scheduled run: attempt = 1 + earlier attempts of the same due instant. */
    UUID startScheduled(String job, String node, Instant due) {
        return asService(() -> jdbc.sql("""
                insert into job_runs (job, node, trigger, scheduled_for, started_at, status, attempt)
                select :job, :node, 'schedule', :due, now(), 'running', 1 + count(*)
                from job_runs where job = :job and scheduled_for = :due and trigger = 'schedule'
                returning id""")
                .param("job", job).param("node", node).param("due", Timestamp.from(due))
                .query(UUID.class).single());
    }

    /** Marks a queued (or revived) manual run as running on this node; false if it has finished already. */
    boolean startManual(UUID id, String node) {
        return asService(() -> jdbc.sql("""
                update job_runs set status = 'running', node = :node, started_at = now()
                where id = :id and status in ('queued', 'running')""")
                .param("id", id).param("node", node).update() == 1);
    }

    /** A scheduled instant that some node already completed (it died before telling db-scheduler). */
    boolean succeeded(String job, Instant due) {
        return asService(() -> jdbc.sql("""
                select exists (select 1 from job_runs where job = :job and scheduled_for = :due
                               and trigger = 'schedule' and status = 'succeeded')""")
                .param("job", job).param("due", Timestamp.from(due)).query(Boolean.class).single());
    }

    /**
     * Called while holding the job's lock: any run of it still marked running belongs to a node that stopped (its
     * lock died with its connection), except {@code keep}.
     */
    int abandonStale(String job, UUID keep) {
        return asService(() -> jdbc.sql("""
                update job_runs set status = 'failed', finished_at = now(), error_code = 'RUN_ABANDONED',
                    error_message = 'the node running it stopped before it finished'
                where job = :job and status = 'running' and (cast(:keep as uuid) is null or id <> cast(:keep as uuid))""")
                .param("job", job).param("keep", keep).update());
    }

    void skip(String job, String node, Instant due, String code) {
        asService(() -> jdbc.sql("""
                insert into job_runs (job, node, trigger, scheduled_for, started_at, finished_at, status, error_code, attempt)
                select :job, :node, 'schedule', :due, now(), now(), 'skipped', :code, 1 + count(*)
                from job_runs where job = :job and scheduled_for = :due and trigger = 'schedule'""")
                .param("job", job).param("node", node).param("due", Timestamp.from(due)).param("code", code).update());
    }

    void skipManual(UUID id, String node, String code) {
        asService(() -> jdbc.sql("""
                update job_runs set status = 'skipped', node = :node, started_at = coalesce(started_at, now()),
                    finished_at = now(), error_code = :code where id = :id""")
                .param("id", id).param("node", node).param("code", code).update());
    }

    void succeed(UUID id, JobOutcome outcome) {
        asService(() -> jdbc.sql("""
                update job_runs set status = 'succeeded', finished_at = now(), items = :items, details = cast(:details as jsonb)
                where id = :id""")
                .param("id", id).param("items", outcome.itemsProcessed())
                .param("details", json.writeValueAsString(outcome.details())).update());
    }

    void fail(UUID id, Failure failure) {
        asService(() -> jdbc.sql("""
                update job_runs set status = 'failed', finished_at = now(), error_code = :code, error_message = :message
                where id = :id""")
                .param("id", id).param("code", failure.code()).param("message", failure.message()).update());
    }

    Optional<RunView> find(UUID id) {
        return asService(() -> jdbc.sql("select " + COLUMNS + " from job_runs where id = :id")
                .param("id", id).query(this::row).optional());
    }

    /** One page of a job's runs, read as the signed-in admin. */
    PageResult<RunView> page(String job, PageQuery paging) {
        return transactions.execute(status -> {
            List<RunView> rows = jdbc.sql("select " + COLUMNS + " from job_runs where job = :job order by "
                            + paging.orderBy() + " limit :limit offset :offset")
                    .param("job", job).param("limit", paging.limit()).param("offset", paging.offset())
                    .query(this::row).list();
            long total = jdbc.sql("select count(*) from job_runs where job = :job").param("job", job)
                    .query(Long.class).single();
            return PageResult.of(rows, paging, total);
        });
    }

    /** Deletes up to {@code batch} finished runs older than their retention; returns how many. */
    int purge(Instant successBefore, Instant errorBefore, int batch, boolean dryRun) {
        String select = """
                select id from job_runs
                where finished_at is not null
                  and ((status in ('succeeded', 'skipped') and finished_at < :ok) or (status = 'failed' and finished_at < :err))
                limit :batch""";
        return asService(() -> dryRun
                ? jdbc.sql("select count(*) from (" + select + ") due").param("ok", Timestamp.from(successBefore))
                        .param("err", Timestamp.from(errorBefore)).param("batch", batch).query(Integer.class).single()
                : jdbc.sql("delete from job_runs where id in (" + select + ")").param("ok", Timestamp.from(successBefore))
                        .param("err", Timestamp.from(errorBefore)).param("batch", batch).update());
    }

    private RunView row(ResultSet rs, int n) throws SQLException {
        int attempt = rs.getInt("attempt");
        Map<String, Object> details = json.readValue(rs.getString("details"), new TypeReference<Map<String, Object>>() {});
        return new RunView(rs.getObject("id", UUID.class), rs.getString("job"), rs.getString("node"),
                rs.getString("trigger"), instant(rs, "scheduled_for"), instant(rs, "started_at"),
                instant(rs, "finished_at"), rs.getString("status"), rs.getLong("items"), rs.getString("error_code"),
                rs.getString("error_message"), attempt, Math.max(0, attempt - 1), rs.getBoolean("dry_run"),
                rs.getString("requested_by"), details);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private <T> T asService(Supplier<T> work) {
        return Actors.asService(() -> transactions.execute(status -> work.get()));
    }
}
