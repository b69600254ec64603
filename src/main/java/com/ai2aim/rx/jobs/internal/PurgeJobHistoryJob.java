package com.ai2aim.rx.jobs.internal;

import com.ai2aim.rx.jobs.JobOutcome;
import com.ai2aim.rx.jobs.JobRun;
import com.ai2aim.rx.jobs.RxJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The engine's own job: deletes finished runs past their retention ({@code rx.jobs.history.success-days} for
 * successes and skips, {@code error-days} for failures) in batches, so the delete never holds many rows at once.
 * Run history is operational data without PHI, so deletions are counted in the run, not audited row by row.
 */
@Component
class PurgeJobHistoryJob implements RxJob {

    private final RunHistory history;
    private final JobsProperties.History retention;

    PurgeJobHistoryJob(RunHistory history, JobsProperties properties) {
        this.history = history;
        this.retention = properties.history();
    }

    @Override
    public String name() {
        return "job-history-purge";
    }

    @Override
    public String defaultSchedule() {
        return "30 3 * * *";
    }

    @Override
    public String description() {
        return "Deletes job run history past its retention (successes after rx.jobs.history.success-days, failures after error-days).";
    }

    @Override
    public JobOutcome run(JobRun run) {
        Instant now = Instant.now();
        Instant successBefore = now.minus(Duration.ofDays(retention.successDays()));
        Instant errorBefore = now.minus(Duration.ofDays(retention.errorDays()));
        if (run.dryRun()) {
            long due = history.purge(successBefore, errorBefore, Integer.MAX_VALUE, true);
            return new JobOutcome(due, Map.of("wouldDelete", due));
        }
        long deleted = 0;
        for (int batch; (batch = history.purge(successBefore, errorBefore, retention.purgeBatch(), false)) > 0; ) {
            deleted += batch;
        }
        return new JobOutcome(deleted, Map.of("deleted", deleted, "successDays", retention.successDays(),
                "errorDays", retention.errorDays()));
    }
}
