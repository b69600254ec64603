package com.ai2aim.rx.jobs;

/**
 * A scheduled job. Declare it as a Spring bean in the module whose data it changes; the jobs runtime finds every such
 * bean, schedules it cluster-safely, records each run and alerts on failure.
 *
 * <p>The runtime calls {@link #run} as the service role, outside any transaction: the job opens its own (short)
 * transactions, works through large tables in batches with bounded memory, audits every change it makes, and must be
 * safe to run again after a crash part-way (it is picked up, not lost). In a dry run it reports what it would do and
 * changes nothing.
 */
public interface RxJob {

    /** Lower-case words joined by hyphens ({@code refill-reminders}); stored with every run, so never rename one. */
    String name();

    /** A five-field cron expression as the plan writes it ({@code 0 8 * * *}), read in {@code RX_TIMEZONE}. */
    String defaultSchedule();

    /** One sentence for operators, shown by {@code GET /api/jobs}. */
    String description();

    JobOutcome run(JobRun run) throws Exception;
}
