package com.ai2aim.rx.ops.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code database_backups}: read and written as the service. */
@Component
class BackupRepository {

    record Backup(UUID id, String fileName, Instant createdAt, long size, byte[] sha256, String status) {}

    private static final String COLUMNS = "id, file_name, created_at, size_bytes, sha256, status";

    private final JdbcClient jdbc;

    BackupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(BackupExporter.Written written, Instant at) {
        return jdbc.sql("""
                insert into database_backups (file_name, format, created_at, size_bytes, sha256, schema_version, table_count, row_count)
                values (:file, :format, :at, :size, :sha, :version, :tables, :rows) returning id
                """)
                .param("file", written.fileName()).param("format", written.manifest().format())
                .param("at", Timestamp.from(at)).param("size", written.size()).param("sha", written.sha256())
                .param("version", written.manifest().schemaVersion()).param("tables", written.manifest().tables().size())
                .param("rows", written.manifest().rowCount())
                .query(UUID.class).single();
    }

    boolean recorded(String fileName) {
        return jdbc.sql("select exists (select 1 from database_backups where file_name = :f)").param("f", fileName)
                .query(Boolean.class).single();
    }

    Optional<Backup> newest() {
        return jdbc.sql("select " + COLUMNS + " from database_backups order by created_at desc limit 1").query(this::map).optional();
    }

    Optional<Backup> newestVerified() {
        return jdbc.sql("select " + COLUMNS + " from database_backups where status = 'verified' order by created_at desc limit 1")
                .query(this::map).optional();
    }

    /** Backups beyond the newest {@code keep}, oldest first. */
    List<Backup> beyond(int keep) {
        return jdbc.sql("select " + COLUMNS + " from database_backups order by created_at desc offset :keep")
                .param("keep", keep).query(this::map).list();
    }

    void delete(UUID id) {
        jdbc.sql("delete from database_backups where id = :id").param("id", id).update();
    }

    void recordVerification(UUID id, boolean ok, String findingsJson) {
        jdbc.sql("update database_backups set status = :status, verified_at = now(), verification = cast(:v as jsonb) where id = :id")
                .param("status", ok ? "verified" : "failed").param("v", findingsJson).param("id", id).update();
    }

    private Backup map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Backup(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getLong(4),
                rs.getBytes(5), rs.getString(6));
    }
}
