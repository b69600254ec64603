package com.ai2aim.rx.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ai2aim.rx.jobs.JobOutcome;
import com.ai2aim.rx.jobs.RxJob;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestJobRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** database-backup and backup-verification against the real database: round trip, tampering, staleness, dry runs. */
@IntegrationTest
class DatabaseBackupIntegrationTests {

    /** Each test's runs get their own scheduled time, hence their own file. */
    private static final AtomicLong SLOT = new AtomicLong();

    @Autowired List<RxJob> jobs;
    @Autowired BackupStorage storage;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    JdbcClient db;

    @BeforeEach
    void setUp() {
        db = JdbcClient.create(owner);
    }

    @Test
    void aBackupRestoresIntoAScratchDatabaseWithTheSameCountsAndSampleRows() throws IOException {
        long patients = db.sql("select count(*) from patients").query(Long.class).single();
        assertThat(patients).as("demo data is there to back up").isPositive();

        JobOutcome written = run("database-backup", false);
        String file = (String) written.details().get("file");
        Path path = storage.dir().resolve(file);
        assertThat(Files.getPosixFilePermissions(path)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(written.itemsProcessed()).isPositive();

        JobOutcome verified = run("backup-verification", false);

        assertThat(verified.details()).containsEntry("file", file);
        assertThat((Integer) verified.details().get("tables")).isGreaterThan(10);
        assertThat(verified.itemsProcessed()).isEqualTo(written.itemsProcessed());
        assertThat(status(file)).isEqualTo("verified");
        assertThat(db.sql("select count(*) from audit_log where action in ('backup.create', 'backup.verify') and resource_id = "
                + "(select id::text from database_backups where file_name = :f)").param("f", file).query(Long.class).single())
                .isEqualTo(2);
        assertThat(db.sql("select count(*) from pg_database where datname like 'rx_restore_check_%'").query(Long.class).single())
                .as("the scratch database is dropped").isZero();
    }

    @Test
    void aBackupFileThatChangedAfterWritingFailsVerification() throws IOException {
        String file = (String) run("database-backup", false).details().get("file");
        Path path = storage.dir().resolve(file);
        byte[] bytes = Files.readAllBytes(path);
        bytes[bytes.length / 3] ^= 0x20;
        Files.write(path, bytes);

        assertThatThrownBy(() -> run("backup-verification", false))
                .isInstanceOf(BackupCheckFailed.class).hasMessageStartingWith("BACKUP_CORRUPT");
        assertThat(status(file)).isEqualTo("failed");
    }

    @Test
    void aBackupWhoseDataLostARowFailsTheRestoreComparison() throws IOException {
        String file = (String) run("database-backup", false).details().get("file");
        Path path = storage.dir().resolve(file);
        dropLastLine(path, "data/patients.csv");
        db.sql("update database_backups set sha256 = :sha where file_name = :f")
                .param("sha", storage.checksum(file)).param("f", file).update();

        assertThatThrownBy(() -> run("backup-verification", false))
                .isInstanceOf(BackupCheckFailed.class).hasMessageStartingWith("BACKUP_RESTORE_FAILED")
                .hasMessageContaining("patients");
        assertThat(status(file)).isEqualTo("failed");
    }

    @Test
    void verificationAlertsWhenTheNewestGoodBackupIsOlderThanADay() {
        String file = (String) run("database-backup", false).details().get("file");
        db.sql("update database_backups set created_at = now() - interval '30 hours'").update();

        assertThatThrownBy(() -> run("backup-verification", false))
                .isInstanceOf(BackupCheckFailed.class).hasMessageStartingWith("BACKUP_STALE");
        assertThat(status(file)).as("the backup itself restored fine").isEqualTo("verified");
    }

    @Test
    void dryRunsReportAndChangeNothing() throws IOException {
        run("database-backup", false);
        List<String> filesBefore = files();
        String rowsBefore = backupRows();

        JobOutcome backup = run("database-backup", true);
        JobOutcome verify = run("backup-verification", true);

        assertThat(backup.details()).containsEntry("dryRun", true);
        assertThat(verify.details()).containsEntry("dryRun", true).containsEntry("checksumOk", true);
        assertThat(files()).isEqualTo(filesBefore);
        assertThat(backupRows()).isEqualTo(rowsBefore);
    }

    @Test
    void aRetriedRunOfTheSameScheduleWritesNoSecondBackup() {
        Instant at = nextSlot();
        JobOutcome first = Actors.asService(() -> call(job("database-backup"), TestJobRun.real(at)));
        JobOutcome again = Actors.asService(() -> call(job("database-backup"), TestJobRun.real(at)));

        assertThat(first.details()).doesNotContainKey("alreadyWritten");
        assertThat(again.details()).containsEntry("alreadyWritten", true);
        assertThat(db.sql("select count(*) from database_backups where file_name = :f").param("f", first.details().get("file"))
                .query(Long.class).single()).isEqualTo(1);
    }

    private JobOutcome run(String name, boolean dryRun) {
        Instant at = nextSlot();
        return Actors.asService(() -> call(job(name), dryRun ? TestJobRun.dry(at) : TestJobRun.real(at)));
    }

    private static Instant nextSlot() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(SLOT.incrementAndGet() * 3600);
    }

    private static JobOutcome call(RxJob job, TestJobRun run) {
        try {
            return job.run(run);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private RxJob job(String name) {
        return jobs.stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    private String status(String file) {
        return db.sql("select status from database_backups where file_name = :f").param("f", file).query(String.class).single();
    }

    private String backupRows() {
        return db.sql("select string_agg(file_name || status, ',' order by file_name) from database_backups").query(String.class).single();
    }

    private List<String> files() throws IOException {
        try (var list = Files.list(storage.dir())) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Rewrites the zip with one data entry missing its last row. */
    private static void dropLastLine(Path zipPath, String entryName) throws IOException {
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
        try (ZipFile zip = new ZipFile(zipPath.toFile()); ZipOutputStream out = new ZipOutputStream(rewritten)) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                byte[] content = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(entryName)) {
                    String text = new String(content, StandardCharsets.UTF_8);
                    int cut = text.lastIndexOf('\n', text.length() - 2);
                    content = text.substring(0, cut + 1).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        Files.write(zipPath, rewritten.toByteArray());
        assertThat(Arrays.equals(rewritten.toByteArray(), Files.readAllBytes(zipPath))).isTrue();
    }
}
