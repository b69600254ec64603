package com.ai2aim.rx.ops.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.jobs.JobOutcome;
import com.ai2aim.rx.jobs.JobRun;
import com.ai2aim.rx.jobs.RxJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * backup-verification: checks the newest backup's checksum, restores it into a scratch database and compares it with
 * its manifest, records the verdict, and fails (so the runtime alerts) when the backup is bad or when the newest good
 * backup is older than the allowed age (24 hours). A dry run checks only the checksum and the age, and writes nothing.
 */
@Component
class VerifyBackupJob implements RxJob {

    private final BackupRepository backups;
    private final BackupStorage storage;
    private final RestoreCheck restore;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Duration maxAge;

    VerifyBackupJob(BackupRepository backups, BackupStorage storage, RestoreCheck restore, TransactionTemplate transactions,
                    AuditTrail audit, JsonMapper json, @Value("${rx.backup.max-age-hours:24}") long maxAgeHours) {
        this.backups = backups;
        this.storage = storage;
        this.restore = restore;
        this.transactions = transactions;
        this.audit = audit;
        this.json = json;
        this.maxAge = Duration.ofHours(maxAgeHours);
    }

    @Override
    public String name() {
        return "backup-verification";
    }

    @Override
    public String defaultSchedule() {
        return "0 3 * * *";
    }

    @Override
    public String description() {
        return "Checks and test-restores the newest backup, and alerts when no good backup is younger than 24 hours";
    }

    @Override
    public JobOutcome run(JobRun run) throws Exception {
        BackupRepository.Backup newest = transactions.execute(status -> backups.newest())
                .orElseThrow(() -> new BackupCheckFailed(BackupCheckFailed.STALE, "no backup has been written"));
        boolean checksumOk = storage.exists(newest.fileName())
                && Arrays.equals(storage.checksum(newest.fileName()), newest.sha256());
        if (run.dryRun()) {
            return new JobOutcome(0, Map.of("dryRun", true, "file", newest.fileName(), "checksumOk", checksumOk,
                    "ageHours", Duration.between(newest.createdAt(), Instant.now()).toHours()));
        }
        if (!checksumOk) {
            record(newest, false, Map.of("reason", "checksum"));
            throw new BackupCheckFailed(BackupCheckFailed.CORRUPT, newest.fileName() + " is missing or does not match its checksum");
        }
        RestoreCheck.Result result = restoreNewest(newest);
        record(newest, result.ok(), Map.of("tables", result.tablesCompared(), "rows", result.rowsRestored(),
                "mismatches", result.mismatches()));
        if (!result.ok()) {
            throw new BackupCheckFailed(BackupCheckFailed.RESTORE_FAILED, newest.fileName() + " restored with "
                    + result.mismatches().size() + " mismatches: " + String.join("; ", result.mismatches().stream().limit(5).toList()));
        }
        failIfStale();
        return new JobOutcome(result.rowsRestored(), Map.of("file", newest.fileName(), "tables", result.tablesCompared()));
    }

    private RestoreCheck.Result restoreNewest(BackupRepository.Backup newest) {
        try {
            return restore.restoreAndCompare(newest.fileName(), "rx_restore_check_" + System.currentTimeMillis());
        } catch (Exception e) {
            // The exception's own text may quote a row; name only its type.
            record(newest, false, Map.of("reason", "restore", "error", e.getClass().getSimpleName()));
            throw new BackupCheckFailed(BackupCheckFailed.RESTORE_FAILED, newest.fileName() + " did not restore ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private void failIfStale() {
        Instant newestGood = transactions.execute(status -> backups.newestVerified()).map(BackupRepository.Backup::createdAt)
                .orElse(Instant.EPOCH);
        Duration age = Duration.between(newestGood, Instant.now());
        if (age.compareTo(maxAge) > 0) {
            throw new BackupCheckFailed(BackupCheckFailed.STALE, "the newest good backup is " + age.toHours()
                    + " hours old (limit " + maxAge.toHours() + ")");
        }
    }

    private void record(BackupRepository.Backup backup, boolean ok, Map<String, Object> findings) {
        Map<String, Object> details = new LinkedHashMap<>(findings);
        details.put("ok", ok);
        transactions.executeWithoutResult(status -> {
            backups.recordVerification(backup.id(), ok, json.writeValueAsString(details));
            audit.recordChange(AuditEntry.of("backup.verify", "database_backup", backup.id())
                    .withDetails(Map.of("file", backup.fileName(), "ok", ok)));
        });
    }

}
