package com.ai2aim.rx.jobs.internal;

import com.ai2aim.rx.platform.security.Actors;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code job_state} (paused flags) and {@code job_alerts} (open alerts by key), shared by every copy of the service.
 * Conditional updates make "raise once" and "resolve once" hold across the cluster.
 */
@Repository
class JobStateRepository {

    /** Per-job figures over the kept history (dry runs left out). */
    record Figures(Instant lastRun, String lastStatus, Instant lastSuccess, long succeeded, long finished,
                   Double meanDurationMs) {
        static final Figures NONE = new Figures(null, null, null, 0, 0, null);

        Double successRate() {
            return finished == 0 ? null : (double) succeeded / finished;
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    JobStateRepository(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    boolean isPaused(String job) {
        return asService(() -> jdbc.sql("select coalesce((select paused from job_state where job = :job), false)")
                .param("job", job).query(Boolean.class).single());
    }

    Set<String> paused() {
        return asService(() -> Set.copyOf(jdbc.sql("select job from job_state where paused").query(String.class).list()));
    }

    /** Sets the flag in the caller's (admin's) transaction; returns true when it changed. */
    boolean setPaused(String job, boolean paused, String by) {
        return jdbc.sql("""
                insert into job_state (job, paused, paused_by, paused_at, updated_at)
                values (:job, :paused, :by, case when :paused then now() end, now())
                on conflict (job) do update set paused = excluded.paused, paused_by = excluded.paused_by,
                    paused_at = excluded.paused_at, updated_at = now()
                where job_state.paused <> excluded.paused""")
                .param("job", job).param("paused", paused).param("by", by).update() == 1;
    }

    /** Opens alert {@code key}; true only for the caller that opened it. */
    boolean open(String key, String job, String summary) {
        return asService(() -> jdbc.sql("""
                insert into job_alerts (key, job, open, opened_at, summary) values (:key, :job, true, now(), :summary)
                on conflict (key) do update set open = true, opened_at = now(), resolved_at = null, summary = excluded.summary
                where not job_alerts.open""")
                .param("key", key).param("job", job).param("summary", summary).update() == 1);
    }

    /** Closes alert {@code key}; true only for the caller that closed it. */
    boolean close(String key) {
        return asService(() -> jdbc.sql("update job_alerts set open = false, resolved_at = now() where key = :key and open")
                .param("key", key).update() == 1);
    }

    boolean isOpen(String key) {
        return asService(() -> jdbc.sql("select coalesce((select open from job_alerts where key = :key), false)")
                .param("key", key).query(Boolean.class).single());
    }

    Map<String, Figures> figures() {
        Map<String, Figures> byJob = new HashMap<>();
        asService(() -> jdbc.sql("""
                select job,
                       max(started_at) as last_run,
                       (array_agg(status order by started_at desc nulls last))[1] as last_status,
                       max(finished_at) filter (where status = 'succeeded') as last_success,
                       count(*) filter (where status = 'succeeded') as succeeded,
                       count(*) filter (where status in ('succeeded', 'failed')) as finished,
                       avg(extract(epoch from finished_at - started_at) * 1000) filter (where status = 'succeeded') as mean_ms
                from job_runs where not dry_run and status <> 'queued' group by job""")
                .query(rs -> {
                    double mean = rs.getDouble("mean_ms");
                    byJob.put(rs.getString("job"), new Figures(RunHistory.instant(rs, "last_run"), rs.getString("last_status"),
                            RunHistory.instant(rs, "last_success"), rs.getLong("succeeded"), rs.getLong("finished"),
                            rs.wasNull() ? null : mean));
                }));
        return byJob;
    }

    /** Epoch seconds of each job's last success, for the gauge after a restart. */
    Map<String, Instant> lastSuccesses() {
        Map<String, Instant> result = new HashMap<>();
        asService(() -> jdbc.sql("""
                select job, max(finished_at) as at from job_runs where status = 'succeeded' and not dry_run group by job""")
                .query(rs -> {
                    Timestamp at = rs.getTimestamp("at");
                    result.put(rs.getString("job"), at.toInstant());
                }));
        return result;
    }

    private <T> T asService(Supplier<T> work) {
        return Actors.asService(() -> transactions.execute(status -> work.get()));
    }

    private void asService(Runnable work) {
        Actors.asService(() -> transactions.execute(status -> {
            work.run();
            return null;
        }));
    }
}
