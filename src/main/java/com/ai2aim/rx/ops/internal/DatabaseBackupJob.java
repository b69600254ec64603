package com.ai2aim.rx.ops.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.jobs.JobOutcome;
import com.ai2aim.rx.jobs.JobRun;
import com.ai2aim.rx.jobs.RxJob;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * database-backup: a logical backup of the whole database into {@code RX_BACKUP_DIR}, recorded and audited, then
 * the backups beyond the newest {@code RX_BACKUP_KEEP} are removed. A retry of the same scheduled run finds its file
 * recorded and does nothing.
 */
@Component
class DatabaseBackupJob implements RxJob {

    private final BackupExporter exporter;
    private final BackupRepository backups;
    private final BackupStorage storage;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final int keep;

    DatabaseBackupJob(BackupExporter exporter, BackupRepository backups, BackupStorage storage, TransactionTemplate transactions,
                      AuditTrail audit, @Value("${rx.backup.keep:7}") int keep) {
        this.exporter = exporter;
        this.backups = backups;
        this.storage = storage;
        this.transactions = transactions;
        this.audit = audit;
        this.keep = Math.max(1, keep);
    }

    @Override
    public String name() {
        return "database-backup";
    }

    @Override
    public String defaultSchedule() {
        return "30 2 * * *"; // daily, half an hour before backup-verification
    }

    @Override
    public String description() {
        return "Writes a logical backup of the database to the backup directory and keeps the newest ones";
    }

    @Override
    public JobOutcome run(JobRun run) throws Exception {
        String fileName = BackupStorage.fileName(run.scheduledFor());
        if (run.dryRun()) {
            int wouldRemove = transactions.execute(status -> backups.beyond(keep - 1).size());
            return new JobOutcome(0, Map.of("dryRun", true, "file", fileName, "wouldRemove", wouldRemove));
        }
        if (Boolean.TRUE.equals(transactions.execute(status -> backups.recorded(fileName)))) {
            return new JobOutcome(0, Map.of("file", fileName, "alreadyWritten", true));
        }
        storage.delete(fileName); // a file without its row is what an interrupted run left: write it again
        Instant at = Instant.now();
        BackupExporter.Written written = exporter.write(at, fileName);
        transactions.executeWithoutResult(status -> {
            var id = backups.insert(written, at);
            audit.recordChange(AuditEntry.of("backup.create", "database_backup", id).withDetails(Map.of(
                    "file", fileName, "tables", written.manifest().tables().size(), "rows", written.manifest().rowCount())));
        });
        int removed = removeBeyondRetention();
        return new JobOutcome(written.manifest().rowCount(), Map.of("file", fileName, "tables", written.manifest().tables().size(),
                "bytes", written.size(), "removed", removed));
    }

    private int removeBeyondRetention() throws IOException {
        var old = transactions.execute(status -> backups.beyond(keep));
        for (BackupRepository.Backup backup : old) {
            storage.delete(backup.fileName());
            transactions.executeWithoutResult(status -> {
                backups.delete(backup.id());
                audit.recordChange(AuditEntry.of("backup.delete", "database_backup", backup.id())
                        .withDetails(Map.of("file", backup.fileName(), "reason", "retention")));
            });
        }
        return old.size();
    }
}
