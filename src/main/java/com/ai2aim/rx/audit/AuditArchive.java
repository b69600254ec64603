package com.ai2aim.rx.audit;

import com.ai2aim.rx.audit.internal.AuditArchiver;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Cold storage of the audit trail: records older than the retention period move into checksummed segment files
 * under {@code rx.audit.archive.dir} and an index ({@code audit_archive_segments}); {@code /api/audit/verify} proves
 * the chain across both. Call it as the service, outside a transaction (the jobs runtime does).
 */
@Component
public class AuditArchive {

    /**
     * What a run did or, in a dry run, would do.
     *
     * @param segments segment files written and indexed
     * @param records  records moved out of the live table
     * @param due      records older than the cut-off when the run began
     * @param leftoversRemoved files of an interrupted earlier run that were removed (to be written again)
     */
    public record ArchiveReport(int segments, long records, long due, int leftoversRemoved) {}

    private final AuditArchiver archiver;
    private final Duration retention;

    AuditArchive(AuditArchiver archiver, @Value("${rx.audit.archive.retention-days:90}") int retentionDays) {
        this.archiver = archiver;
        this.retention = Duration.ofDays(retentionDays);
    }

    /** Archives every record that is older than the retention period at {@code asOf}. */
    public ArchiveReport archiveExpired(Instant asOf, boolean dryRun) {
        return archiver.archive(asOf.minus(retention), dryRun);
    }

    public Duration retention() {
        return retention;
    }
}
