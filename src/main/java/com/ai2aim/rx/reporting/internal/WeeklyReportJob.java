package com.ai2aim.rx.reporting.internal;

import com.ai2aim.rx.jobs.JobOutcome;
import com.ai2aim.rx.jobs.JobRun;
import com.ai2aim.rx.jobs.RxJob;
import org.springframework.stereotype.Component;

/** weekly-reports: last week's operations report (fills, visits, error rates, top medications). */
@Component
class WeeklyReportJob implements RxJob {

    private final ReportGenerator generator;

    WeeklyReportJob(ReportGenerator generator) {
        this.generator = generator;
    }

    @Override
    public String name() {
        return "weekly-reports";
    }

    @Override
    public String defaultSchedule() {
        return "0 6 * * 1";
    }

    @Override
    public String description() {
        return "Generates last week's operations report (CSV and PDF) and tells admins it is ready";
    }

    @Override
    public JobOutcome run(JobRun run) {
        return ReportJobs.outcome(generator.generate(ReportKind.WEEKLY, run.scheduledFor(), run.dryRun()), run.dryRun());
    }
}
