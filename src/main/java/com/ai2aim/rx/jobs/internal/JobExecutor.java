package com.ai2aim.rx.jobs.internal;

import com.ai2aim.rx.jobs.JobFailedException;
import com.ai2aim.rx.jobs.JobOutcome;
import com.ai2aim.rx.jobs.JobRun;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.web.ApiException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Runs one attempt of a job on a db-scheduler thread: takes the job's cluster-wide lock, records the attempt, calls
 * the job as the service role (outside any transaction), records how it ended, measures it and alerts. A failed
 * scheduled attempt is thrown back to db-scheduler as {@link AttemptFailed} so {@link RetryPolicy} can retry it.
 */
@Component
class JobExecutor {

    static final String ALREADY_RUNNING = "JOB_ALREADY_RUNNING";
    private static final Logger log = LoggerFactory.getLogger(JobExecutor.class);

    /** A scheduled attempt failed; carries only the job, the attempt number and a code. */
    static final class AttemptFailed extends RuntimeException {
        final String job;
        final int attempt;

        AttemptFailed(String job, int attempt, String code) {
            super("job " + job + " attempt " + attempt + " failed: " + code, null, false, false);
            this.job = job;
            this.attempt = attempt;
        }
    }

    private record Run(boolean dryRun, Instant scheduledFor) implements JobRun {}

    private final JobRegistry registry;
    private final RunHistory history;
    private final JobStateRepository state;
    private final RunLocks locks;
    private final JobAlerts alerts;
    private final JobMetrics metrics;
    private final JobsProperties properties;
    private final Node node;

    JobExecutor(JobRegistry registry, RunHistory history, JobStateRepository state, RunLocks locks, JobAlerts alerts,
                JobMetrics metrics, JobsProperties properties, Node node) {
        this.registry = registry;
        this.history = history;
        this.state = state;
        this.locks = locks;
        this.alerts = alerts;
        this.metrics = metrics;
        this.properties = properties;
        this.node = node;
    }

    /** The run of {@code job} due at {@code due}; throws {@link AttemptFailed} when this attempt failed. */
    void runScheduled(String job, Instant due) {
        JobRegistry.Definition definition = registry.find(job).orElse(null);
        if (definition == null || !definition.enabled() || state.isPaused(job)) {
            return;
        }
        try (RunLocks.Held lock = locks.tryAcquire(job)) {
            if (lock == null) {
                log.info("job {}: run due {} skipped, another run of it is in progress", job, due);
                history.skip(job, node.name(), due, ALREADY_RUNNING);
                return;
            }
            history.abandonStale(job, null);
            if (history.succeeded(job, due)) {
                return;
            }
            UUID runId = history.startScheduled(job, node.name(), due);
            int attempt = history.find(runId).map(RunView::attempt).orElse(1);
            RunHistory.Failure failure = execute(definition, runId, attempt, new Run(false, due));
            if (failure == null) {
                alerts.succeeded(job, runId);
                return;
            }
            if (attempt >= properties.maxAttempts()) {
                alerts.failed(job, runId, attempt, failure.code());
            }
            throw new AttemptFailed(job, attempt, failure.code());
        }
    }

    /** A run an admin asked for ({@code job_runs} row {@code runId}, queued). Not retried, not alerted. */
    void runManual(UUID runId) {
        RunView queued = history.find(runId).orElse(null);
        if (queued == null || queued.finished()) {
            return;
        }
        JobRegistry.Definition definition = registry.find(queued.job()).orElse(null);
        if (definition == null) {
            history.skipManual(runId, node.name(), "JOB_UNKNOWN");
            return;
        }
        try (RunLocks.Held lock = locks.tryAcquire(queued.job())) {
            if (lock == null) {
                history.skipManual(runId, node.name(), ALREADY_RUNNING);
                return;
            }
            history.abandonStale(queued.job(), runId);
            if (history.startManual(runId, node.name())) {
                RunHistory.Failure failure = execute(definition, runId, 1, new Run(queued.dryRun(), queued.scheduledFor()));
                if (failure == null && !queued.dryRun()) {
                    alerts.succeeded(queued.job(), runId);
                }
            }
        }
    }

    /** Calls the job; returns null on success, else the failure as recorded. */
    private RunHistory.Failure execute(JobRegistry.Definition definition, UUID runId, int attempt, Run run) {
        String job = definition.name();
        MDC.put("job", job);
        MDC.put("jobRun", runId.toString());
        long start = System.nanoTime();
        try {
            JobOutcome outcome = Actors.asService(() -> call(definition, run));
            history.succeed(runId, outcome);
            metrics.finished(job, "succeeded", Duration.ofNanos(System.nanoTime() - start), run.dryRun() ? 0 : outcome.itemsProcessed());
            log.info("job {} run {} succeeded: {} item(s){}", job, runId, outcome.itemsProcessed(), run.dryRun() ? " (dry run)" : "");
            return null;
        } catch (RuntimeException | Error e) {
            RunHistory.Failure failure = describe(e instanceof Wrapped w ? w.getCause() : e);
            history.fail(runId, failure);
            metrics.finished(job, "failed", Duration.ofNanos(System.nanoTime() - start), 0);
            log.warn("job {} run {} attempt {} failed: {}", job, runId, attempt, failure.code());
            return failure;
        } finally {
            MDC.remove("job");
            MDC.remove("jobRun");
        }
    }

    private static JobOutcome call(JobRegistry.Definition definition, Run run) {
        try {
            JobOutcome outcome = definition.job().run(run);
            return outcome == null ? JobOutcome.of(0) : outcome;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new Wrapped(e);
        }
    }

    /**
     * The code and message the history may keep. Only a {@link JobFailedException} chooses its own message; any
     * other exception is known by its type (and SQLState), since its message may quote data.
     */
    static RunHistory.Failure describe(Throwable e) {
        if (e instanceof JobFailedException failed) {
            return new RunHistory.Failure(truncate(failed.code(), 64), truncate(failed.getMessage(), 500));
        }
        if (e instanceof ApiException api) {
            return new RunHistory.Failure(api.code().name(), "the job was refused: " + api.code().name());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return new RunHistory.Failure("SQL_" + sql.getSQLState(), "database error " + sql.getSQLState()
                        + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        return new RunHistory.Failure(e.getClass().getSimpleName(), "failed with " + e.getClass().getName());
    }

    private static String truncate(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }

    /** Carries a checked exception out of the job through {@code Actors.asService}. */
    private static final class Wrapped extends RuntimeException {
        Wrapped(Exception cause) {
            super(cause);
        }
    }
}
