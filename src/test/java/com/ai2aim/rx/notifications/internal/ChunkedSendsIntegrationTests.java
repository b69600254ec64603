package com.ai2aim.rx.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A failing item rolls its whole group back; the group is then sent one item per transaction, so each good item is
 * committed exactly once and only the bad ones are lost, counted as refused (4xx) or failed (anything else).
 */
@IntegrationTest
class ChunkedSendsIntegrationTests {

    @Autowired ChunkedSends sends;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void aBadItemCostsOnlyItselfAndNothingIsWrittenTwice() {
        String run = UUID.randomUUID().toString();
        List<Integer> items = IntStream.range(0, ChunkedSends.CHUNK + 5).boxed().toList(); // two chunks
        ChunkedSends.Outcome<Integer> outcome = Actors.asService(() -> sends.run(items, item -> {
            audit.recordChange(AuditEntry.of("chunked.test", "test", run + ":" + item));
            if (item == 3) {
                throw ApiException.notFound("Prescription"); // refused by the module: a 4xx
            }
            if (item == ChunkedSends.CHUNK + 1) {
                throw new IllegalStateException("provider down"); // anything else: failed
            }
            return item;
        }, item -> item));

        assertThat(outcome.rejected()).isEqualTo(1);
        assertThat(outcome.failed()).isEqualTo(1);
        assertThat(outcome.done()).hasSize(items.size() - 2).doesNotContain(3, ChunkedSends.CHUNK + 1);
        List<String> written = Actors.asService(() -> transactions.execute(s -> jdbc.sql(
                "select resource_id from audit_log where action = 'chunked.test' and resource_id like :run order by seq")
                .param("run", run + ":%").query(String.class).list()));
        assertThat(written).as("each committed item once, the bad ones never")
                .hasSize(items.size() - 2).doesNotHaveDuplicates()
                .doesNotContain(run + ":3", run + ":" + (ChunkedSends.CHUNK + 1));
    }

    @Test
    void aGroupThatSucceedsCommitsOnceAsAWhole() {
        String run = UUID.randomUUID().toString();
        ChunkedSends.Outcome<Integer> outcome = Actors.asService(() -> sends.together(List.of(1, 2, 3), group -> {
            group.forEach(item -> audit.recordChange(AuditEntry.of("chunked.test", "test", run + ":" + item)));
            return group.size();
        }, item -> item));

        assertThat(outcome.done()).containsExactly(3);
        assertThat(outcome.rejected() + outcome.failed()).isZero();
        Long written = Actors.asService(() -> transactions.execute(s -> jdbc.sql(
                "select count(*) from audit_log where action = 'chunked.test' and resource_id like :run")
                .param("run", run + ":%").query(Long.class).single()));
        assertThat(written).isEqualTo(3L);
    }
}
