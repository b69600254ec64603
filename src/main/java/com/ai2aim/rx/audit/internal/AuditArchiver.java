package com.ai2aim.rx.audit.internal;

import com.ai2aim.rx.audit.AuditArchive.ArchiveReport;
import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.platform.security.Actors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the oldest audit records, up to a cut-off, into segment files: select a batch by chain sequence, write it,
 * sync, rename, re-read and check it, then index it and delete its rows in one transaction. Every step can be
 * repeated: a temporary file is removed, a complete but unindexed file (its rows are still live) is removed and
 * written again, and an index row means its rows are already gone. Relies on the jobs runtime never running it twice
 * at once; the database function also serialises indexing and refuses anything that is not the chain's next prefix.
 */
@Component
public class AuditArchiver {

    private static final Logger log = LoggerFactory.getLogger(AuditArchiver.class);

    /** Points between steps, where a test makes the run fail as a crash would. */
    enum Step { TEMP_WRITTEN, RENAMED, REREAD, DELETED_NOT_COMMITTED }

    @FunctionalInterface
    interface Checkpoint {
        Checkpoint NONE = (step, firstSeq) -> { };

        void reached(Step step, long firstSeq);
    }

    private final ArchiveRepository repository;
    private final SegmentFiles files;
    private final TransactionTemplate transactions;
    private final AuditTrail trail;
    private final int segmentSize;

    AuditArchiver(ArchiveRepository repository, SegmentFiles files, TransactionTemplate transactions, AuditTrail trail,
                  @Value("${rx.audit.archive.segment-records:10000}") int segmentSize) {
        this.repository = repository;
        this.files = files;
        this.transactions = transactions;
        this.trail = trail;
        this.segmentSize = segmentSize;
    }

    public ArchiveReport archive(Instant cutoff, boolean dryRun) {
        return archive(cutoff, dryRun, Checkpoint.NONE);
    }

    ArchiveReport archive(Instant cutoff, boolean dryRun, Checkpoint checkpoint) {
        return Actors.asService(() -> {
            ArchiveRepository.Bounds bounds = transactions.execute(status -> repository.bounds(cutoff));
            if (dryRun) {
                return new ArchiveReport(0, 0, bounds.candidates(), 0);
            }
            try {
                int orphans = recover(bounds.oldestLive());
                int segments = 0;
                long records = 0;
                SegmentPlan written;
                while ((written = write(bounds.boundary(), checkpoint)) != null) {
                    reread(written, checkpoint);
                    index(written, checkpoint);
                    segments++;
                    records += written.count();
                }
                return new ArchiveReport(segments, records, bounds.candidates(), orphans);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Removes what an interrupted run left: temporary files, and complete files whose rows were never deleted. */
    private int recover(Long oldestLive) throws IOException {
        int removed = files.removeTemporaryFiles();
        var names = files.finalNames();
        var indexed = transactions.execute(status -> repository.indexedAmong(names));
        for (String name : names) {
            if (indexed.contains(name)) {
                continue;
            }
            if (oldestLive != null && SegmentFiles.range(name)[0] >= oldestLive) {
                files.delete(name);
                removed++;
            } else {
                // Its rows are gone but it is not indexed: someone removed the index row. Keep the evidence.
                log.warn("archive file {} has no index row and its records are not live; left in place", name);
            }
        }
        return removed;
    }

    /** The next batch below the boundary, written and renamed; null when nothing is left to archive. */
    private SegmentPlan write(long boundary, Checkpoint checkpoint) throws IOException {
        return transactions.execute(status -> {
            try {
                SegmentPlan plan = repository.streamBatch(boundary, segmentSize, files,
                        firstSeq -> checkpoint.reached(Step.TEMP_WRITTEN, firstSeq));
                if (plan != null) {
                    checkpoint.reached(Step.RENAMED, plan.firstSeq());
                }
                return plan;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void reread(SegmentPlan plan, Checkpoint checkpoint) throws IOException {
        String[] ends = new String[2];
        SegmentFiles.Written found = files.read(plan.file().fileName(), line -> {
            if (ends[0] == null) {
                ends[0] = line;
            }
            ends[1] = line;
        });
        boolean same = Arrays.equals(found.sha256(), plan.file().sha256()) && found.lines() == plan.count()
                && plan.firstHashHex().equals(SegmentLines.hashOf(ends[0]))
                && plan.lastHashHex().equals(SegmentLines.hashOf(ends[1]));
        if (!same) {
            files.delete(plan.file().fileName());
            throw new IllegalStateException("archive segment " + plan.file().fileName() + " did not read back as written");
        }
        checkpoint.reached(Step.REREAD, plan.firstSeq());
    }

    private void index(SegmentPlan plan, Checkpoint checkpoint) {
        transactions.executeWithoutResult(status -> {
            repository.indexAndDelete(plan);
            trail.recordChange(AuditEntry.of("audit.archive", "audit_archive_segment", plan.firstSeq())
                    .withDetails(Map.of("lastSeq", plan.lastSeq(), "records", plan.count(), "file", plan.file().fileName())));
            checkpoint.reached(Step.DELETED_NOT_COMMITTED, plan.firstSeq());
        });
    }
}
