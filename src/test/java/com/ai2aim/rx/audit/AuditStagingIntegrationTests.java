package com.ai2aim.rx.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.platform.db.PriorityLane;
import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.security.Role;
import com.ai2aim.rx.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Change records are staged with their change and chained by the one writer: in the chain by the time the change's
 * caller goes on, never lost when a stop leaves them staged, and never stuck behind callers that hold every pooled
 * connection while they wait.
 */
@IntegrationTest
class AuditStagingIntegrationTests {

    @Autowired AuditTrail audit;
    @Autowired TransactionTemplate transactions;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    @Test
    void moreConcurrentWritersThanPooledConnectionsAllFindTheirRecordsChained() throws Exception {
        String run = UUID.randomUUID().toString();
        int writers = 24; // the service pool holds 6 by default: each writer keeps its connection while it waits
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Long>> chainedOnReturn = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String resource = run + ":" + i;
                chainedOnReturn.add(pool.submit(() -> {
                    Actors.asService(() -> transactions.execute(s -> {
                        audit.recordChange(AuditEntry.of("staging.test", "test", resource));
                        return null;
                    }));
                    return chained(resource); // read as soon as the committing call returned
                }));
            }
            for (Future<Long> chained : chainedOnReturn) {
                assertThat(chained.get()).isEqualTo(1L);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(JdbcClient.create(owner).sql("select count(*) from audit_staged").query(Long.class).single()).isZero();
    }

    @Test
    void recordsAStopLeftStagedAreChainedWithTheNextChange() {
        String resource = "left-staged-" + UUID.randomUUID();
        JdbcClient db = JdbcClient.create(owner);
        db.sql("select rx.audit_stage(cast(:entries as jsonb))").param("entries",
                "[{\"action\":\"staging.test\",\"resourceType\":\"test\",\"resourceId\":\"" + resource + "\"}]")
                .query((rs, n) -> 1).list();
        assertThat(chained(resource)).as("staged, not yet chained").isZero();

        Actors.asService(() -> transactions.execute(s -> { // the next change: its writer waits for a chaining batch
            audit.recordChange(AuditEntry.of("staging.test", "test", "next-" + resource));
            return null;
        }));

        assertThat(chained(resource)).isEqualTo(1L);
        assertThat(db.sql("select count(*) from audit_staged").query(Long.class).single()).isZero();
    }

    @Test
    void stagedRecordsAreChainedByTheSweepWithoutAnyChange() {
        String resource = "idle-" + UUID.randomUUID();
        JdbcClient.create(owner).sql("select rx.audit_stage(cast(:entries as jsonb))").param("entries",
                "[{\"action\":\"staging.test\",\"resourceType\":\"test\",\"resourceId\":\"" + resource + "\"}]")
                .query((rs, n) -> 1).list();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> chained(resource) == 1L);
    }

    @Test
    void inThePriorityLaneAnAccessRecordIsDurableOnReturnAndChainedAMomentLater() {
        String resource = "lane-access-" + UUID.randomUUID();
        Actors.as(PHARMACIST, () -> PriorityLane.run(() -> {
            audit.recordAccess(AuditEntry.of("staging.test", "test", resource));
            return null;
        }));

        assertThat(durable(resource)).as("committed before the call returned").isEqualTo(1L);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> chained(resource) == 1L);
        assertThat(staged(resource)).isZero();
    }

    @Test
    void inThePriorityLaneAChangesRecordIsDurableWithTheChangeAndChainedAMomentLater() {
        String resource = "lane-change-" + UUID.randomUUID();
        Actors.as(PHARMACIST, () -> PriorityLane.run(() -> transactions.execute(s -> {
            audit.recordChange(AuditEntry.of("staging.test", "test", resource));
            return null;
        })));

        assertThat(durable(resource)).as("committed with the change").isEqualTo(1L);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> chained(resource) == 1L);
    }

    private static final Actor PHARMACIST = new Actor(UUID.randomUUID(), "lane@test.rx", Role.PHARMACIST,
            UUID.randomUUID(), null, "{\"role\":\"authenticated\",\"sub\":\"lane\",\"app_metadata\":{\"rx_role\":\"pharmacist\"}}");

    /** Staged or chained, counted in one snapshot (the writer moves records from one to the other atomically). */
    private long durable(String resource) {
        return JdbcClient.create(owner).sql("""
                select (select count(*) from audit_log where action = 'staging.test' and resource_id = :r)
                     + (select count(*) from audit_staged s, jsonb_array_elements(s.entries) e
                        where e ->> 'action' = 'staging.test' and e ->> 'resourceId' = :r)""")
                .param("r", resource).query(Long.class).single();
    }

    private long staged(String resource) {
        return JdbcClient.create(owner).sql("""
                select count(*) from audit_staged s, jsonb_array_elements(s.entries) e
                where e ->> 'action' = 'staging.test' and e ->> 'resourceId' = :r""")
                .param("r", resource).query(Long.class).single();
    }

    private long chained(String resource) {
        return JdbcClient.create(owner).sql("select count(*) from audit_log where action = 'staging.test' and resource_id = :r")
                .param("r", resource).query(Long.class).single();
    }
}
