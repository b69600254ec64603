package com.ai2aim.rx.jobs.internal;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts every enabled job on db-scheduler's table at start-up (once per cluster: the row's primary key), moves it when
 * its configured schedule changed, and takes a disabled job off. A run that fell due while every copy was down stays
 * due and runs at once: it is picked up, not lost.
 */
@Component
class JobSchedules {

    private static final Logger log = LoggerFactory.getLogger(JobSchedules.class);

    private final JobRegistry registry;
    private final SchedulerClient scheduler;
    private final JobsProperties properties;

    JobSchedules(JobRegistry registry, SchedulerClient scheduler, JobsProperties properties) {
        this.registry = registry;
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        if (!properties.schedulingEnabled()) {
            log.info("rx.jobs.scheduling-enabled=false: this copy puts no job on the schedule");
            return;
        }
        Instant now = Instant.now();
        for (JobRegistry.Definition job : registry.all()) {
            Optional<ScheduledExecution<Object>> existing = current(job.name());
            if (!job.enabled()) {
                existing.filter(e -> !e.isPicked()).ifPresent(e -> scheduler.cancel(JobTasks.SCHEDULED.instanceId(job.name())));
                continue;
            }
            Instant next = job.nextAfter(now);
            var instance = JobTasks.SCHEDULED.instance(job.name()).data(next.toString()).scheduledTo(next);
            if (existing.isEmpty()) {
                scheduler.scheduleIfNotExists(instance);
            } else if (movedBySchedule(existing.get(), job, now)) {
                scheduler.reschedule(instance);
            }
            log.info("job {} scheduled '{}' ({}), next run {}", job.name(), job.cron(), registry.zone(),
                    current(job.name()).map(ScheduledExecution::getExecutionTime).orElse(next));
        }
    }

    /** A waiting future run at a time the (changed) schedule would not fire at, and not a pending retry. */
    private static boolean movedBySchedule(ScheduledExecution<Object> execution, JobRegistry.Definition job, Instant now) {
        Instant at = execution.getExecutionTime();
        return !execution.isPicked() && execution.getConsecutiveFailures() == 0 && at.isAfter(now)
                && !job.nextAfter(at.minusMillis(1)).equals(at);
    }

    Optional<ScheduledExecution<Object>> current(String job) {
        return scheduler.getScheduledExecution(JobTasks.SCHEDULED.instanceId(job));
    }
}
