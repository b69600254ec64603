package com.ai2aim.rx.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ai2aim.rx.jobs.JobOutcome;
import com.ai2aim.rx.jobs.RxJob;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestJobRun;
import com.ai2aim.rx.support.TestUsers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Archival moves every record exactly once, also when a run dies between any two steps, and the chain still verifies
 * across archive and live table. Archival moves the whole trail, so this class gets its own database.
 */
@IntegrationTest
@DirtiesContext
class AuditArchiveIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Every record is due: the cut-off is a day ahead of now. */
    private static final Instant CUTOFF_AHEAD = Instant.now().plus(Duration.ofDays(1));

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;
    @Autowired AuditArchiver archiver;
    @Autowired SegmentFiles files;
    @Autowired List<RxJob> jobs;

    Api api;
    TestUsers users;
    JdbcClient db;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        db = JdbcClient.create(owner);
    }

    @ParameterizedTest
    @EnumSource(AuditArchiver.Step.class)
    void aRunThatDiesBetweenStepsLosesAndDuplicatesNothingAndTheNextRunFinishes(AuditArchiver.Step step) throws IOException {
        seedOldRecords(12_500);
        long oldestBefore = db.sql("select min(seq) from audit_log").query(Long.class).single();
        int[] segmentsSeen = {0};
        AuditArchiver.Checkpoint crashOnSecondSegment = (reached, firstSeq) -> {
            if (reached == step && ++segmentsSeen[0] == 2) {
                throw new IllegalStateException("simulated crash after " + step);
            }
        };

        assertThatThrownBy(() -> archiver.archive(CUTOFF_AHEAD, false, crashOnSecondSegment))
                .hasMessageContaining("simulated crash");
        assertEveryRecordExactlyOnce();
        assertChainVerifies();
        assertThat(db.sql("select min(seq) from audit_log").query(Long.class).single())
                .as("the first segment was indexed before the crash").isGreaterThan(oldestBefore);

        var report = archiver.archive(CUTOFF_AHEAD, false);

        assertThat(report.records()).isPositive();
        assertEveryRecordExactlyOnce();
        assertChainVerifies();
        assertThat(tempFiles()).isEmpty();
        assertThat(unindexedFiles()).isEmpty();
    }

    @Test
    void dryRunReportsWhatIsDueAndChangesNothing() throws Exception {
        seedOldRecords(3_000);
        long live = liveCount();
        List<String> filesBefore = files.finalNames();
        RxJob job = job();

        JobOutcome outcome = Actors.asService(() -> call(job, TestJobRun.dry(Instant.now().plus(Duration.ofDays(91)))));

        assertThat(outcome.itemsProcessed()).isGreaterThanOrEqualTo(3_000);
        assertThat(outcome.details()).containsEntry("dryRun", true).containsEntry("segments", 0);
        assertThat(liveCount()).isEqualTo(live);
        assertThat(files.finalNames()).isEqualTo(filesBefore);
    }

    @Test
    void theJobArchivesOnlyRecordsPastTheRetentionPeriodAndAuditsEachSegment() throws Exception {
        seedOldRecords(1_000);
        RxJob job = job();
        assertThat(job.defaultSchedule()).isEqualTo("0 2 * * *");

        JobOutcome outcome = Actors.asService(() -> call(job, TestJobRun.real(Instant.now())));

        assertThat(outcome.itemsProcessed()).as("old records behind newer ones wait: only the chain's oldest prefix leaves")
                .isZero();
        JobOutcome later = Actors.asService(() -> call(job, TestJobRun.real(Instant.now().plus(Duration.ofDays(91)))));
        assertThat(later.itemsProcessed()).isGreaterThanOrEqualTo(1_000);
        assertThat(db.sql("select count(*) from audit_log where action = 'audit.archive' and actor_role = 'service'")
                .query(Long.class).single()).isPositive();
        assertEveryRecordExactlyOnce();
        assertChainVerifies();
    }

    @Test
    void verifyNamesAnArchivedSegmentWhoseFileWasAltered() throws IOException {
        seedOldRecords(500);
        archiver.archive(CUTOFF_AHEAD, false);
        String name = files.finalNames().get(0);
        Path file = files.dir().resolve(name);
        byte[] original = Files.readAllBytes(file);
        try {
            byte[] altered = original.clone();
            altered[altered.length / 2] ^= 0x01;
            Files.write(file, altered);

            Api.Response verify = api.get("/api/audit/verify").token(users.token(TestUsers.ADMIN)).send();

            assertThat(verify.data().path("valid").asBoolean()).isFalse();
            assertThat(verify.data().path("reason").asString()).contains(name);
        } finally {
            Files.write(file, original);
        }
        assertChainVerifies();
    }

    @Test
    void verifyDetectsRemovalOfTheFirstLiveRecordAfterTheArchive() {
        seedOldRecords(200);
        archiver.archive(CUTOFF_AHEAD, false);
        seedOldRecords(3);
        String first = db.sql("select row_to_json(a)::text from audit_log a order by seq limit 1").query(String.class).single();
        long firstSeq = JSON.readTree(first).path("seq").asLong();
        db.sql("delete from audit_log where seq = :seq").param("seq", firstSeq).update();
        try {
            Api.Response verify = api.get("/api/audit/verify").token(users.token(TestUsers.ADMIN)).send();
            assertThat(verify.data().path("valid").asBoolean()).isFalse();
            assertThat(verify.data().path("firstBrokenSeq").asLong()).isEqualTo(firstSeq + 1);
        } finally {
            db.sql("insert into audit_log select * from jsonb_populate_record(null::audit_log, cast(:row as jsonb))")
                    .param("row", first).update();
        }
        assertChainVerifies();
    }

    private static JobOutcome call(RxJob job, TestJobRun run) {
        try {
            return job.run(run);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private RxJob job() {
        return jobs.stream().filter(j -> j.name().equals("audit-log-archival")).findFirst().orElseThrow();
    }

    /** Records whose own time is 100 days ago, appended through the chain's own function. */
    private void seedOldRecords(int count) {
        String at = Instant.now().minus(Duration.ofDays(100)).toString();
        for (int done = 0; done < count; done += 5_000) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (int i = done; i < Math.min(count, done + 5_000); i++) {
                entries.add(Map.of("occurredAt", at, "actorId", "seed", "actorRole", "service", "action", "test.seed",
                        "resourceType", "test", "resourceId", String.valueOf(i), "details", Map.of("n", i)));
            }
            db.sql("select rx.audit_append(cast(:e as jsonb))").param("e", JSON.writeValueAsString(entries)).query(Long.class).single();
        }
    }

    private long liveCount() {
        return db.sql("select count(*) from audit_log").query(Long.class).single();
    }

    /** Sequence numbers 1..head appear exactly once, either in an indexed segment file or in the live table. */
    private void assertEveryRecordExactlyOnce() throws IOException {
        List<Long> seqs = new ArrayList<>();
        for (String name : db.sql("select file_name from audit_archive_segments order by first_seq").query(String.class).list()) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(files.dir().resolve(name))), StandardCharsets.UTF_8))) {
                reader.lines().forEach(line -> seqs.add(JSON.readTree(line).path("seq").asLong()));
            }
        }
        seqs.addAll(db.sql("select seq from audit_log order by seq").query(Long.class).list());
        long head = db.sql("select last_seq from audit_chain_head").query(Long.class).single();
        assertThat(seqs).hasSize((int) head).doesNotHaveDuplicates();
        assertThat(seqs.get(0)).isEqualTo(1L);
        assertThat(seqs.get(seqs.size() - 1)).isEqualTo(head);
    }

    private void assertChainVerifies() {
        Api.Response verify = api.get("/api/audit/verify").token(users.token(TestUsers.ADMIN)).send();
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.data().path("valid").asBoolean()).as(verify.raw()).isTrue();
    }

    private List<String> tempFiles() throws IOException {
        try (var list = Files.list(files.dir())) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SegmentFiles.TEMP_SUFFIX)).toList();
        }
    }

    private List<String> unindexedFiles() throws IOException {
        List<String> indexed = db.sql("select file_name from audit_archive_segments").query(String.class).list();
        return files.finalNames().stream().filter(n -> !indexed.contains(n)).toList();
    }
}
