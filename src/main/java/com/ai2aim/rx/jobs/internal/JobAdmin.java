package com.ai2aim.rx.jobs.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ErrorCode;
import com.ai2aim.rx.platform.web.PageQuery;
import com.ai2aim.rx.platform.web.PageResult;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What {@code /api/jobs} does: list jobs with their figures, page a job's runs, start a run (through the
 * {@code rx-job-manual} task, so it is cluster-safe and survives a crash) and pause or resume a job.
 */
@Service
class JobAdmin {

    private static final Logger log = LoggerFactory.getLogger(JobAdmin.class);

    private final JobRegistry registry;
    private final JobSchedules schedules;
    private final RunHistory history;
    private final JobStateRepository state;
    private final SchedulerClient scheduler;
    private final JobsProperties properties;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;

    JobAdmin(JobRegistry registry, JobSchedules schedules, RunHistory history, JobStateRepository state,
             SchedulerClient scheduler, JobsProperties properties, TransactionTemplate transactions, AuditTrail audit) {
        this.transactions = transactions;
        this.audit = audit;
        this.registry = registry;
        this.schedules = schedules;
        this.history = history;
        this.state = state;
        this.scheduler = scheduler;
        this.properties = properties;
    }

    List<JobView> list() {
        Map<String, JobStateRepository.Figures> figures = state.figures();
        Set<String> paused = state.paused();
        return registry.all().stream().map(job -> {
            JobStateRepository.Figures f = figures.getOrDefault(job.name(), JobStateRepository.Figures.NONE);
            Instant next = schedules.current(job.name()).map(ScheduledExecution::getExecutionTime).orElse(null);
            return new JobView(job.name(), job.job().description(), job.cron(), registry.zone().getId(), job.enabled(),
                    paused.contains(job.name()), next, f.lastRun(), f.lastStatus(), f.lastSuccess(), f.successRate(),
                    f.meanDurationMs());
        }).toList();
    }

    PageResult<RunView> runs(String name, PageQuery paging) {
        definition(name);
        return history.page(name, paging);
    }

    RunView run(String name, UUID id) {
        definition(name);
        return history.find(id).filter(r -> r.job().equals(name)).orElseThrow(() -> ApiException.notFound("Run"));
    }

    /** Queues a run and waits up to {@code rx.jobs.manual-wait} for it to finish; returns it as it then stands. */
    RunView start(String name, boolean dryRun) {
        definition(name);
        Actor actor = Actors.required();
        UUID id = transactions.execute(status -> {
            UUID queued = history.queue(name, dryRun, actor.auditId(), Instant.now());
            audit.recordChange(AuditEntry.of("job.run", "job", name).withDetails(Map.of("runId", queued.toString(), "dryRun", dryRun)));
            return queued;
        });
        try {
            scheduler.schedule(JobTasks.MANUAL.instance(id.toString()).scheduledTo(Instant.now()));
        } catch (RuntimeException e) {
            history.skipManual(id, null, "SCHEDULER_UNAVAILABLE");
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The scheduler could not take the run; retry shortly");
        }
        log.info("job {} run {} requested by {}{}", name, id, actor.auditId(), dryRun ? " (dry run)" : "");
        long deadline = System.nanoTime() + properties.manualWait().toNanos();
        RunView run = history.find(id).orElseThrow();
        while (!run.finished() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(100_000_000L);
            run = history.find(id).orElseThrow();
        }
        return run;
    }

    /** Returns true when the flag changed. */
    boolean setPaused(String name, boolean paused) {
        definition(name);
        boolean changed = Boolean.TRUE.equals(transactions.execute(status -> {
            boolean flipped = state.setPaused(name, paused, Actors.required().auditId());
            if (flipped) {
                audit.recordChange(AuditEntry.of(paused ? "job.pause" : "job.resume", "job", name).changed(List.of("paused")));
            }
            return flipped;
        }));
        if (changed) {
            log.info("job {} {} by {}", name, paused ? "paused" : "resumed", Actors.required().auditId());
        }
        return changed;
    }

    private JobRegistry.Definition definition(String name) {
        return registry.find(name).orElseThrow(() -> ApiException.notFound("Job"));
    }
}
