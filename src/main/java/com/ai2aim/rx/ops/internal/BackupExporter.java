package com.ai2aim.rx.ops.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a logical backup: one consistent snapshot (repeatable read) of every table as CSV from {@code COPY}, plus
 * a manifest, in a zip file. No pg_dump: the schema is not in the file; a restore migrates an empty database to the
 * recorded schema version with the same migrations and loads the data into it (see {@link RestoreCheck}).
 */
@Component
class BackupExporter {

    record Written(String fileName, byte[] sha256, long size, BackupManifest manifest) {}

    private final OwnerDatabase database;
    private final BackupStorage storage;
    private final JsonMapper json;

    BackupExporter(OwnerDatabase database, BackupStorage storage, JsonMapper json) {
        this.database = database;
        this.storage = storage;
        this.json = json;
    }

    Written write(Instant at, String fileName) throws IOException, SQLException {
        Path temp = storage.temporary(fileName);
        MessageDigest digest = BackupStorage.sha256();
        BackupManifest manifest;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             Connection c = database.connection()) {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            OutputStream file = new DigestOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), digest);
            ZipOutputStream zip = new ZipOutputStream(file);
            manifest = inSnapshot(c, () -> export(c, zip, at));
            zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
            zip.write(json.writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
            file.flush();
            channel.force(true);
        } catch (IOException | SQLException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Path target = storage.dir().resolve(fileName);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        storage.syncDirectory();
        return new Written(fileName, digest.digest(), Files.size(target), manifest);
    }

    private BackupManifest export(Connection c, ZipOutputStream zip, Instant at) throws SQLException, IOException {
        List<BackupManifest.TableEntry> tables = new ArrayList<>();
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (String table : TableCatalog.tables(c)) {
            List<String> columns = TableCatalog.columns(c, table);
            List<String> key = TableCatalog.primaryKey(c, table);
            zip.putNextEntry(new ZipEntry("data/" + table + ".csv"));
            long rows = copy.copyOut("copy public." + TableCatalog.quote(table) + " " + TableCatalog.columnList(columns)
                    + " to stdout with (format csv)", new NonClosing(zip));
            zip.closeEntry();
            tables.add(new BackupManifest.TableEntry(table, columns, key, rows, TableCatalog.sampleHash(c, table, columns, key)));
        }
        return new BackupManifest(BackupManifest.FORMAT, at.toString(), schemaVersion(c), serverVersion(c), tables,
                TableCatalog.sequences(c));
    }

    interface SnapshotWork<T> {
        T run() throws SQLException, IOException;
    }

    /** Runs work in one read-only repeatable-read transaction, so every table comes from the same snapshot. */
    static <T> T inSnapshot(Connection c, SnapshotWork<T> work) throws SQLException, IOException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set transaction isolation level repeatable read, read only");
            s.execute("set local timezone = 'UTC'");
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery(
                "select version from rx_schema_history where success and version is not null order by installed_rank desc limit 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String serverVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** COPY closes nothing, but keep the zip entry open regardless of what the driver does with the stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
