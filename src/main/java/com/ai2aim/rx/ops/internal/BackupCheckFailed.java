package com.ai2aim.rx.ops.internal;

/**
 * A backup job's failure that must raise an alert. The message starts with a stable code (listed in docs/errors.md
 * under job failures) so the run history and the alert say which rule failed; it never holds data, only names,
 * numbers and file names.
 */
class BackupCheckFailed extends com.ai2aim.rx.jobs.JobFailedException {

    /** No backup, or the newest good one is older than the allowed age. */
    static final String STALE = "BACKUP_STALE";
    /** The file is missing or its checksum differs from the one recorded when it was written. */
    static final String CORRUPT = "BACKUP_CORRUPT";
    /** The file restored, but counts or sample rows differ from its manifest; or it did not restore at all. */
    static final String RESTORE_FAILED = "BACKUP_RESTORE_FAILED";

    /** A JobFailedException, so the jobs runtime keeps the code and this safe message in the run history. */
    BackupCheckFailed(String code, String message) {
        super(code, code + ": " + message);
    }
}
