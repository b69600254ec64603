package com.ai2aim.rx.jobs.internal;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two db-scheduler tasks behind every job. {@code rx-job} has one execution per job (instance id = job name,
 * data = the due instant), rescheduled to the next cron instant after each run, so db-scheduler's row lock makes a
 * scheduled run happen once in the cluster and its heartbeat revives a run whose node died. {@code rx-job-manual}
 * has one execution per run an admin asked for (instance id = the {@code job_runs} id).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsProperties.class)
class JobTasks {

    static final TaskDescriptor<String> SCHEDULED = TaskDescriptor.of("rx-job", String.class);
    static final TaskDescriptor<Void> MANUAL = TaskDescriptor.of("rx-job-manual");

    @Bean
    CustomTask<String> scheduledJobTask(JobExecutor executor, JobRegistry registry, RetryPolicy retries) {
        return Tasks.custom(SCHEDULED).onFailure(retries).onDeadExecutionRevive().execute((instance, context) -> {
            String job = instance.getId();
            executor.runScheduled(job, Instant.parse(instance.getData()));
            return (CompletionHandler<String>) (complete, operations) -> {
                Instant next = registry.find(job).filter(JobRegistry.Definition::enabled)
                        .map(d -> d.nextAfter(complete.getTimeDone())).orElse(null);
                if (next == null) {
                    operations.remove();
                } else {
                    operations.reschedule(complete, next, next.toString());
                }
            };
        });
    }

    @Bean
    OneTimeTask<Void> manualJobTask(JobExecutor executor) {
        return Tasks.oneTime(MANUAL).onDeadExecutionRevive().onFailure((complete, operations) -> operations.remove())
                .execute((instance, context) -> executor.runManual(UUID.fromString(instance.getId())));
    }

    /** Names this copy in {@code picked_by} as in the run history. */
    @Bean
    DbSchedulerCustomizer rxSchedulerCustomizer(Node node) {
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<SchedulerName> schedulerName() {
                return Optional.of(new SchedulerName.Fixed(node.name()));
            }
        };
    }
}
