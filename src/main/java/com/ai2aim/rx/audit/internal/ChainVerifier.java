package com.ai2aim.rx.audit.internal;

import com.ai2aim.rx.platform.security.Actors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the whole chain in order, first through the archived segments (each file's checksum, count and end hashes
 * against its index row, every record's hash recomputed by the database), then through the live rows, and names the
 * first record whose hash does not match its content or whose link to the previous record is broken (an edit, an
 * insertion or a deletion, including at the boundary between archive and live table). Runs as the service in one
 * snapshot so an organisation admin's partial view, or an archival committing meanwhile, does not look like a break.
 */
@Component
class ChainVerifier {

    record Result(boolean valid, long checked, Long firstBrokenSeq, String firstBrokenId, String reason, long archivedSegments) {}

    private static final byte[] GENESIS = new byte[32];
    private static final int HASH_BATCH = 2000;

    private static final String ARCHIVED = """
            select r.seq, r.id, r.prev_hash, r.hash, rx.audit_hash(r.prev_hash, r) = r.hash as intact
              from jsonb_array_elements(cast(? as jsonb)) with ordinality as e(line, n)
                   cross join lateral jsonb_populate_record(null::audit_log, e.line) as r
             order by e.n
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ArchiveRepository archive;
    private final SegmentFiles files;

    ChainVerifier(javax.sql.DataSource dataSource, TransactionTemplate transactions, ArchiveRepository archive, SegmentFiles files) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(2000);
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.transactions.setReadOnly(true);
        this.archive = archive;
        this.files = files;
    }

    Result verify() {
        return Actors.asService(() -> transactions.execute(status -> walk()));
    }

    private Result walk() {
        Walk walk = new Walk();
        List<ArchiveRepository.Segment> segments = archive.segments();
        for (ArchiveRepository.Segment segment : segments) {
            walkSegment(segment, walk);
            if (walk.broken != null) {
                return walk.broken;
            }
        }
        jdbc.query("select seq, id, prev_hash, hash, rx.audit_hash(prev_hash, a) = hash as intact from audit_log a order by seq",
                rs -> {
                    if (walk.broken == null) {
                        walk.check(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4), rs.getBoolean(5));
                    }
                });
        if (walk.broken != null) {
            return walk.broken;
        }
        byte[] head = jdbc.queryForObject("select last_hash from audit_chain_head where id = 1", byte[].class);
        if (!Arrays.equals(head, walk.previousHash)) {
            return new Result(false, walk.checked, null, null, "the newest records were removed (head hash " +
                    HexFormat.of().formatHex(head).substring(0, 12) + "… does not match the last record)", walk.segments);
        }
        return new Result(true, walk.checked, null, null, null, walk.segments);
    }

    private void walkSegment(ArchiveRepository.Segment segment, Walk walk) {
        if (!files.exists(segment.fileName())) {
            walk.fail(segment.firstSeq(), "archived segment " + segment.fileName() + " is missing");
            return;
        }
        long checkedBefore = walk.checked;
        List<String> batch = new ArrayList<>(HASH_BATCH);
        SegmentFiles.Written read;
        try {
            read = files.read(segment.fileName(), line -> {
                batch.add(line);
                if (batch.size() == HASH_BATCH) {
                    checkArchived(batch, walk);
                }
            });
        } catch (IOException | RuntimeException e) {
            walk.fail(segment.firstSeq(), "archived segment " + segment.fileName() + " cannot be read");
            return;
        }
        checkArchived(batch, walk);
        if (walk.broken != null) {
            return;
        }
        if (!Arrays.equals(read.sha256(), segment.sha256())) {
            walk.fail(segment.firstSeq(), "archived segment " + segment.fileName() + " does not match its checksum");
        } else if (read.lines() != segment.count() || walk.checked - checkedBefore != segment.count()
                || !Arrays.equals(walk.previousHash, segment.lastHash())) {
            walk.fail(segment.firstSeq(), "archived segment " + segment.fileName() + " does not hold the records its index lists");
        } else {
            walk.segments++;
        }
    }

    private void checkArchived(List<String> batch, Walk walk) {
        if (batch.isEmpty() || walk.broken != null) {
            batch.clear();
            return;
        }
        jdbc.query(ARCHIVED, rs -> {
            if (walk.broken == null) {
                walk.check(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4), rs.getBoolean(5));
            }
        }, "[" + String.join(",", batch) + "]");
        batch.clear();
    }

    private static final class Walk {
        byte[] previousHash = GENESIS;
        long checked;
        long segments;
        Result broken;

        void check(long seq, String id, byte[] prevHash, byte[] hash, boolean intact) {
            if (!Arrays.equals(prevHash, previousHash)) {
                broken = new Result(false, checked, seq, id, "link to the previous record is broken (a record before it was removed or altered)", segments);
            } else if (!intact) {
                broken = new Result(false, checked, seq, id, "record content does not match its hash (edited)", segments);
            } else {
                checked++;
                previousHash = hash;
            }
        }

        void fail(long seq, String reason) {
            broken = new Result(false, checked, seq, null, reason, segments);
        }
    }
}
