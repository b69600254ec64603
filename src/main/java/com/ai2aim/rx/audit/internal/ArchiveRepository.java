package com.ai2aim.rx.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL of the archive: what is due, streaming a batch into a segment file, and the index. */
@Component
class ArchiveRepository {

    /** The rows due: those with {@code seq < boundary}; {@code oldestLive} is null when the table is empty. */
    record Bounds(Long oldestLive, long boundary, long candidates) {}

    /** One index row, in chain order. */
    record Segment(long firstSeq, long lastSeq, long count, byte[] firstPrevHash, byte[] firstHash, byte[] lastHash,
                   byte[] sha256, String fileName) {}

    private static final String BOUNDS = """
            select (select min(seq) from audit_log) as oldest,
                   coalesce((select min(seq) from audit_log where occurred_at >= :cutoff),
                            (select max(seq) + 1 from audit_log), 0) as boundary
            """;

    private static final String BATCH = """
            select seq, row_to_json(a)::text as line, hash
              from audit_log a
             where seq < ?
             order by seq
             limit ?
            """;

    private static final String INDEX = """
            select rx.audit_archive_segment(:first, :last, :count, :firstHash, :lastHash, :sha256, :size, :file)::text
            """;

    private static final String SEGMENTS = """
            select first_seq, last_seq, record_count, first_prev_hash, first_hash, last_hash, sha256, file_name
              from audit_archive_segments order by first_seq
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    ArchiveRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(2000);
    }

    Bounds bounds(Instant cutoff) {
        return jdbc.sql(BOUNDS).param("cutoff", Timestamp.from(cutoff)).query((rs, n) -> {
            Long oldest = rs.getObject("oldest", Long.class);
            long boundary = rs.getLong("boundary");
            long candidates = oldest == null ? 0 : Math.max(0, boundary - oldest);
            return new Bounds(oldest, boundary, candidates);
        }).single();
    }

    Set<String> indexedAmong(List<String> names) {
        if (names.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select file_name from audit_archive_segments where file_name = any(:names)")
                .param("names", names.toArray(String[]::new)).query(String.class).list());
    }

    /** Streams the oldest rows below the boundary (in a transaction, so the driver uses a cursor) into a segment. */
    SegmentPlan streamBatch(long boundary, int size, SegmentFiles files, java.util.function.LongConsumer beforeRename) throws IOException {
        long[] range = {-1, -1};
        byte[][] hashes = new byte[2][];
        SegmentFiles.Writing[] writing = new SegmentFiles.Writing[1];
        try {
            streaming.query(BATCH, rs -> {
                long seq = rs.getLong(1);
                try {
                    if (writing[0] == null) {
                        writing[0] = files.begin(seq);
                        range[0] = seq;
                        hashes[0] = rs.getBytes(3);
                    }
                    writing[0].line(rs.getString(2));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                range[1] = seq;
                hashes[1] = rs.getBytes(3);
            }, boundary, size);
            if (writing[0] == null) {
                return null;
            }
            beforeRename.accept(range[0]);
            SegmentFiles.Written written = writing[0].finish(range[0], range[1]);
            HexFormat hex = HexFormat.of();
            return new SegmentPlan(range[0], range[1], written.lines(), hex.formatHex(hashes[0]), hex.formatHex(hashes[1]), written);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (writing[0] != null) {
                writing[0].close();
            }
        }
    }

    void indexAndDelete(SegmentPlan plan) {
        HexFormat hex = HexFormat.of();
        jdbc.sql(INDEX)
                .param("first", plan.firstSeq()).param("last", plan.lastSeq()).param("count", plan.count())
                .param("firstHash", hex.parseHex(plan.firstHashHex())).param("lastHash", hex.parseHex(plan.lastHashHex()))
                .param("sha256", plan.file().sha256()).param("size", plan.file().size())
                .param("file", plan.file().fileName())
                .query(String.class).single();
    }

    List<Segment> segments() {
        return jdbc.sql(SEGMENTS).query((rs, n) -> new Segment(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getBytes(4), rs.getBytes(5), rs.getBytes(6), rs.getBytes(7), rs.getString(8))).list();
    }
}
