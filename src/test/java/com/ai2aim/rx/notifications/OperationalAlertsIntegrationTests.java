package com.ai2aim.rx.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ai2aim.rx.jobs.JobAlerted;
import com.ai2aim.rx.reporting.ReportReady;
import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Events of other modules become alerts to the people who must act. The events are published here as their modules
 * publish them (inside a committed transaction, through the outbox); the alerts are read from the recipients' inboxes.
 */
@IntegrationTest
class OperationalAlertsIntegrationTests {

    private static final Duration DEADLINE = Duration.ofSeconds(15);

    @LocalServerPort int port;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactionManager;

    Api api;
    TestUsers users;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
    }

    void publish(Object... published) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            for (Object event : published) {
                events.publishEvent(event);
            }
        });
    }

    List<String> inbox(String email, String containing) {
        List<String> bodies = new ArrayList<>();
        for (JsonNode item : api.get("/api/notifications?limit=100").token(users.token(email)).send().data()) {
            String text = item.path("template").asString() + " " + item.path("body").asString();
            if (text.contains(containing)) {
                bodies.add(text);
            }
        }
        return bodies;
    }

    @Test
    void aFailedJobAlertsGlobalAdminsOnceAndItsRecoveryToo() {
        String job = "job-" + UUID.randomUUID().toString().substring(0, 8);
        Instant failedAt = Instant.parse("2026-12-04T03:00:00Z");
        JobAlerted failed = new JobAlerted(job, JobAlerted.Kind.FAILED, "rx-job-" + job, UUID.randomUUID(), "BACKUP_STALE", failedAt);

        publish(failed, failed);

        await().atMost(DEADLINE).until(() -> inbox(TestUsers.ADMIN, job).size() == 1);
        assertThat(inbox(TestUsers.ADMIN, job).get(0)).startsWith("job-failed").contains(job);
        assertThat(inbox(TestUsers.PHARMACIST, job)).as("only global admins").isEmpty();

        publish(new JobAlerted(job, JobAlerted.Kind.RESOLVED, "rx-job-" + job, null, null, failedAt.plusSeconds(3600)));
        await().atMost(DEADLINE).until(() -> inbox(TestUsers.ADMIN, job).size() == 2);
        assertThat(inbox(TestUsers.ADMIN, job)).anyMatch(body -> body.startsWith("job-recovered"));
    }

    @Test
    void aReadyReportIsAnnouncedToGlobalAdmins() {
        UUID report = UUID.randomUUID();

        publish(new ReportReady(report, "weekly"));

        await().atMost(DEADLINE).until(() -> inbox(TestUsers.ADMIN, report.toString()).size() == 1);
        assertThat(inbox(TestUsers.ADMIN, report.toString()).get(0)).startsWith("report-ready").contains("weekly");
    }
}
