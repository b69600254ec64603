package com.ai2aim.rx.reporting.internal;

import com.ai2aim.rx.jobs.JobOutcome;
import com.ai2aim.rx.jobs.JobRun;
import com.ai2aim.rx.jobs.RxJob;
import org.springframework.stereotype.Component;

/** compliance-report: last month's audit summary, access review, failed sign-ins, exports and downloads. */
@Component
class ComplianceReportJob implements RxJob {

    private final ReportGenerator generator;

    ComplianceReportJob(ReportGenerator generator) {
        this.generator = generator;
    }

    @Override
    public String name() {
        return "compliance-report";
    }

    @Override
    public String defaultSchedule() {
        return "0 7 1 * *";
    }

    @Override
    public String description() {
        return "Generates last month's compliance report (CSV and PDF) and tells admins it is ready";
    }

    @Override
    public JobOutcome run(JobRun run) {
        return ReportJobs.outcome(generator.generate(ReportKind.COMPLIANCE, run.scheduledFor(), run.dryRun()), run.dryRun());
    }
}
