package com.ai2aim.rx.ops.internal;

import com.ai2aim.rx.audit.AuditArchive;
import com.ai2aim.rx.jobs.JobOutcome;
import com.ai2aim.rx.jobs.JobRun;
import com.ai2aim.rx.jobs.RxJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** audit-log-archival: moves audit records past the retention period (90 days) into the audit archive. */
@Component
class ArchiveAuditLogJob implements RxJob {

    private final AuditArchive archive;

    ArchiveAuditLogJob(AuditArchive archive) {
        this.archive = archive;
    }

    @Override
    public String name() {
        return "audit-log-archival";
    }

    @Override
    public String defaultSchedule() {
        return "0 2 * * *";
    }

    @Override
    public String description() {
        return "Moves audit records older than the retention period into checksummed archive segments";
    }

    @Override
    public JobOutcome run(JobRun run) {
        // The cut-off follows the scheduled time, not the clock, so a retried run archives the same range.
        AuditArchive.ArchiveReport report = archive.archiveExpired(run.scheduledFor(), run.dryRun());
        return new JobOutcome(run.dryRun() ? report.due() : report.records(), Map.of(
                "segments", report.segments(), "due", report.due(), "leftoversRemoved", report.leftoversRemoved(),
                "dryRun", run.dryRun()));
    }
}
