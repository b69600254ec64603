package com.ai2aim.rx.jobs.internal;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * What db-scheduler does with a failed scheduled attempt: try again after {@code rx.jobs.retry-backoff}, doubling each
 * time, until {@code rx.jobs.max-attempts}; then give the run up (the executor has alerted) and wait for the next cron
 * instant. The task data (the due instant) is kept across retries, so retries share the run's {@code scheduled_for}.
 */
@Component
class RetryPolicy implements FailureHandler<String> {

    private final JobsProperties properties;
    private final JobRegistry registry;
    private final JobMetrics metrics;

    RetryPolicy(JobsProperties properties, JobRegistry registry, JobMetrics metrics) {
        this.properties = properties;
        this.registry = registry;
        this.metrics = metrics;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<String> operations) {
        String job = complete.getExecution().taskInstance.getId();
        int attempt = complete.getCause().filter(JobExecutor.AttemptFailed.class::isInstance)
                .map(c -> ((JobExecutor.AttemptFailed) c).attempt).orElse(properties.maxAttempts());
        if (attempt < properties.maxAttempts()) {
            metrics.retried(job);
            operations.reschedule(complete, complete.getTimeDone().plus(backoff(attempt)));
            return;
        }
        Instant next = registry.find(job).map(d -> d.nextAfter(complete.getTimeDone())).orElse(null);
        if (next == null) {
            operations.remove();
        } else {
            operations.reschedule(complete, next, next.toString());
        }
    }

    /** Wait after attempt {@code attempt}: back-off × 2^(attempt − 1). */
    Duration backoff(int attempt) {
        return properties.retryBackoff().multipliedBy(1L << Math.min(20, attempt - 1));
    }
}
