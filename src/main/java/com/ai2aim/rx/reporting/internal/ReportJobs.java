package com.ai2aim.rx.reporting.internal;

import com.ai2aim.rx.jobs.JobOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/** The run-history figures both report jobs give. */
final class ReportJobs {

    private ReportJobs() {}

    static JobOutcome outcome(ReportGenerator.Generated generated, boolean dryRun) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("periodStart", generated.period().start().toString());
        details.put("periodEnd", generated.period().end().toString());
        details.put("created", generated.created());
        details.put("dryRun", dryRun);
        generated.id().ifPresent(id -> details.put("reportId", id.toString()));
        return new JobOutcome(generated.rows(), details);
    }
}
