package com.ai2aim.rx.ops.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proves a backup restores: creates a scratch database on the same server, migrates it to the backup's schema
 * version, loads every table from the file, sets the sequences, then compares each table's row count and sample hash
 * with the manifest. The scratch database is dropped whatever happens.
 */
@Component
class RestoreCheck {

    /** The outcome: tables compared and what differed (table names and numbers only). */
    record Result(int tablesCompared, long rowsRestored, List<String> mismatches) {
        boolean ok() {
            return mismatches.isEmpty();
        }
    }

    private final OwnerDatabase database;
    private final BackupStorage storage;
    private final JsonMapper json;

    RestoreCheck(OwnerDatabase database, BackupStorage storage, JsonMapper json) {
        this.database = database;
        this.storage = storage;
        this.json = json;
    }

    BackupManifest manifest(String fileName) throws IOException {
        try (ZipFile zip = new ZipFile(storage.dir().resolve(fileName).toFile())) {
            ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
            if (entry == null) {
                throw new IOException("backup has no manifest");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return json.readValue(in, BackupManifest.class);
            }
        }
    }

    Result restoreAndCompare(String fileName, String scratchName) throws IOException, SQLException {
        BackupManifest manifest = manifest(fileName);
        execute("create database " + TableCatalog.quote(scratchName));
        try {
            migrate(scratchName, manifest.schemaVersion());
            try (ZipFile zip = new ZipFile(storage.dir().resolve(fileName).toFile());
                 Connection c = database.connectionTo(scratchName)) {
                long rows = load(c, zip, manifest);
                return new Result(manifest.tables().size(), rows, compare(c, manifest));
            }
        } finally {
            execute("drop database if exists " + TableCatalog.quote(scratchName) + " with (force)");
        }
    }

    private void migrate(String scratch, String version) {
        Flyway.configure()
                .dataSource(database.urlOf(scratch), database.user(), database.password())
                .locations("classpath:db/migration")
                .table("rx_schema_history")
                .placeholders(Map.of("app_user", database.appUser()))
                .target(version)
                .load()
                .migrate();
    }

    private long load(Connection c, ZipFile zip, BackupManifest manifest) throws SQLException, IOException {
        c.setAutoCommit(false);
        long rows = 0;
        try (Statement s = c.createStatement()) {
            // Rows arrive table by table, not in foreign-key order; triggers and FK checks wait (the snapshot was consistent).
            s.execute("set local session_replication_role = replica");
            s.execute("set local timezone = 'UTC'");
            List<String> all = manifest.tables().stream().map(t -> "public." + TableCatalog.quote(t.name())).toList();
            s.execute("truncate " + String.join(", ", all));
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (BackupManifest.TableEntry table : manifest.tables()) {
                ZipEntry entry = zip.getEntry(table.entry());
                if (entry == null) {
                    throw new IOException("backup lacks the data of table " + table.name());
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    rows += copy.copyIn("copy public." + TableCatalog.quote(table.name()) + " "
                            + TableCatalog.columnList(table.columns()) + " from stdin with (format csv)", in);
                }
            }
            for (BackupManifest.SequenceEntry sequence : manifest.sequences()) {
                if (sequence.called()) {
                    s.execute("select setval('" + sequence.name().replace("'", "''") + "', " + sequence.lastValue() + ", true)");
                }
            }
            c.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        }
        return rows;
    }

    private static List<String> compare(Connection c, BackupManifest manifest) throws SQLException, IOException {
        List<String> mismatches = new ArrayList<>();
        BackupExporter.inSnapshot(c, () -> {
            for (BackupManifest.TableEntry table : manifest.tables()) {
                long count = TableCatalog.count(c, table.name());
                if (count != table.rows()) {
                    mismatches.add(table.name() + ": " + count + " rows restored, " + table.rows() + " backed up");
                    continue;
                }
                String sample = TableCatalog.sampleHash(c, table.name(), table.columns(), table.primaryKey());
                if (!sample.equals(table.sampleHash())) {
                    mismatches.add(table.name() + ": sample rows differ");
                }
            }
            return null;
        });
        return mismatches;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute(sql);
        }
    }
}
