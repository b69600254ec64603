package com.ai2aim.rx.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The admin API and the plan's jobs, run by hand in the shared context (where nothing is on the schedule). Each POST
 * goes through the cluster-safe manual task and waits for the run, so assertions see the finished run.
 */
@IntegrationTest
class JobApiIntegrationTests {

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    Api api;
    TestUsers users;
    JdbcClient db;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        db = JdbcClient.create(owner);
        admin = users.token(TestUsers.ADMIN);
    }

    @Test
    void listsEveryJobWithItsScheduleInTheConfiguredZone() {
        Api.Response list = api.get("/api/jobs").token(admin).send();

        assertThat(list.status()).isEqualTo(200);
        JsonNode cleanup = find(list.data(), "inactive-user-cleanup");
        assertThat(cleanup.path("schedule").asString()).isEqualTo("0 4 * * 0");
        assertThat(cleanup.path("timezone").asString()).isEqualTo("UTC");
        assertThat(cleanup.path("enabled").asBoolean()).isTrue();
        assertThat(find(list.data(), "cache-warming").path("schedule").asString()).isEqualTo("0 */6 * * *");
        assertThat(find(list.data(), "health-check").path("schedule").asString()).isEqualTo("*/5 * * * *");
        assertThat(find(list.data(), "job-history-purge").path("description").asString()).isNotBlank();
    }

    @Test
    void onlyAdminsSeeJobsAndUnknownJobsAreNotFound() {
        assertThat(api.get("/api/jobs").token(users.token(TestUsers.PHARMACIST)).send().status()).isEqualTo(403);
        assertThat(api.post("/api/jobs/cache-warming/run", null).token(users.token(TestUsers.PATIENT)).send().status()).isEqualTo(403);
        assertThat(api.get("/api/jobs").send().status()).isEqualTo(401);
        Api.Response unknown = api.post("/api/jobs/no-such-job/run", null).token(admin).send();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/jobs/no-such-job/runs").token(admin).send().status()).isEqualTo(404);
        assertThat(api.post("/api/jobs/no-such-job/pause", null).token(admin).send().status()).isEqualTo(404);
    }

    @Test
    void aBadDryRunFlagIsAValidationErrorAndQueuesNothing() {
        long before = runs("cache-warming");
        Api.Response bad = api.post("/api/jobs/cache-warming/run?dryRun=maybe", null).token(admin).send();

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(runs("cache-warming")).isEqualTo(before);
    }

    @Test
    void historyPurgeDryRunReportsAndDeletesNothingThenTheRunKeepsErrorsLongerThanSuccesses() {
        UUID oldSuccess = oldRun("succeeded", 40);
        UUID oldFailure = oldRun("failed", 40);
        UUID ancientFailure = oldRun("failed", 200);

        Api.Response dry = api.post("/api/jobs/job-history-purge/run?dryRun=true", null).token(admin).send();
        assertThat(dry.status()).as(dry.raw()).isEqualTo(200);
        assertThat(dry.data().path("status").asString()).isEqualTo("succeeded");
        assertThat(dry.data().path("dryRun").asBoolean()).isTrue();
        assertThat(dry.data().path("details").path("wouldDelete").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(exists(oldSuccess)).isTrue();
        assertThat(exists(ancientFailure)).isTrue();

        Api.Response real = api.post("/api/jobs/job-history-purge/run", null).token(admin).send();
        assertThat(real.data().path("status").asString()).isEqualTo("succeeded");
        assertThat(exists(oldSuccess)).isFalse();
        assertThat(exists(ancientFailure)).isFalse();
        assertThat(exists(oldFailure)).isTrue();
        assertThat(db.sql("select count(*) from audit_log where action = 'job.run' and resource_id = 'job-history-purge'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void inactiveUserCleanupDeactivatesStaleNonAdminsEndsTheirSessionsAndAuditsIt() {
        UUID pharmacy = users.orgOf(TestUsers.PHARMACIST);
        UUID stale = users.create("technician", pharmacy, "Stale-User-Pass1");
        String staleToken = users.signIn(users.lastCreatedEmail(), "Stale-User-Pass1").json().path("access_token").asString();
        UUID staleAdmin = users.create("admin", pharmacy, "Stale-Admin-Pass1");
        UUID recent = users.create("technician", pharmacy, "Recent-User-Pass1");
        db.sql("update users set last_login = now() - interval '100 days' where id in (?, ?)").params(stale, staleAdmin).update();
        db.sql("update users set last_login = now() - interval '10 days' where id = ?").params(recent).update();
        assertThat(api.get("/auth/v1/user").token(staleToken).send().status()).isEqualTo(200);

        Api.Response dry = api.post("/api/jobs/inactive-user-cleanup/run?dryRun=true", null).token(admin).send();
        assertThat(dry.data().path("details").path("wouldDeactivate").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(active(stale)).isTrue();

        Api.Response run = api.post("/api/jobs/inactive-user-cleanup/run", null).token(admin).send();
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.data().path("status").asString()).isEqualTo("succeeded");
        assertThat(run.data().path("itemsProcessed").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(active(stale)).isFalse();
        assertThat(active(staleAdmin)).isTrue();
        assertThat(active(recent)).isTrue();
        assertThat(api.get("/auth/v1/user").token(staleToken).send().status()).isEqualTo(401);
        assertThat(db.sql("select actor_id from audit_log where action = 'user.deactivate' and resource_id = ?")
                .param(stale.toString()).query(String.class).single()).isEqualTo("service");
    }

    @Test
    void cacheWarmingRunsTheCommonSearchesAndRefreshesStatistics() {
        Api.Response run = api.post("/api/jobs/cache-warming/run", null).token(admin).send();

        assertThat(run.data().path("status").asString()).as(run.raw()).isEqualTo("succeeded");
        assertThat(run.data().path("details").path("searches").asInt()).isEqualTo(20);
        assertThat(run.data().path("details").path("productsFound").asLong()).isPositive();
        assertThat(run.data().path("details").path("referenceProducts").asLong()).isPositive();
        assertThat(run.data().path("details").path("interactionPairs").asLong()).isPositive();
        String metrics = api.get("/actuator/prometheus").send().raw();
        assertThat(metrics).contains("rx_jobs_runs_total{job=\"cache-warming\",status=\"succeeded\"}");
        assertThat(metrics).containsPattern("rx_jobs_last_success\\{job=\"cache-warming\"} [1-9]");
    }

    @Test
    void healthCheckRecordsEachComponentInTheRunHistory() {
        Api.Response run = api.post("/api/jobs/health-check/run", null).token(admin).send();

        JsonNode details = run.data().path("details");
        assertThat(details.path("database").asString()).isEqualTo("up");
        assertThat(details.path("disk").asString()).isEqualTo("up");
        assertThat(details.path("storage").asString()).isEqualTo("up");
        assertThat(details.path("functions").asString()).isEqualTo("up");
        Api.Response history = api.get("/api/jobs/health-check/runs?limit=1").token(admin).send();
        assertThat(history.data().get(0).path("id").asString()).isEqualTo(run.data().path("id").asString());
        assertThat(history.data().get(0).path("node").asString()).isNotBlank();
        assertThat(history.json().path("pagination").path("total").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void pauseAndResumeAreIdempotentAuditedAndShownInTheList() {
        Api.Response paused = api.post("/api/jobs/cache-warming/pause", null).token(admin).send();
        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.data().path("paused").asBoolean()).isTrue();
        assertThat(api.post("/api/jobs/cache-warming/pause", null).token(admin).send().data().path("paused").asBoolean()).isTrue();
        assertThat(find(api.get("/api/jobs").token(admin).send().data(), "cache-warming").path("paused").asBoolean()).isTrue();

        Api.Response resumed = api.post("/api/jobs/cache-warming/resume", null).token(admin).send();
        assertThat(resumed.data().path("paused").asBoolean()).isFalse();
        assertThat(db.sql("select count(*) from audit_log where action in ('job.pause', 'job.resume') and resource_id = 'cache-warming'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    private UUID oldRun(String status, int daysAgo) {
        return db.sql("""
                insert into job_runs (job, node, trigger, scheduled_for, started_at, finished_at, status)
                values ('test-old', 'n', 'schedule', now() - make_interval(days => ?) - random() * interval '1 hour',
                        now() - make_interval(days => ?), now() - make_interval(days => ?), ?) returning id""")
                .params(daysAgo, daysAgo, daysAgo, status).query(UUID.class).single();
    }

    private boolean exists(UUID run) {
        return db.sql("select count(*) from job_runs where id = ?").param(run).query(Long.class).single() == 1;
    }

    private long runs(String job) {
        return db.sql("select count(*) from job_runs where job = ?").param(job).query(Long.class).single();
    }

    private boolean active(UUID user) {
        return db.sql("select is_active from users where id = ?").param(user).query(Boolean.class).single();
    }

    private static JsonNode find(JsonNode jobs, String name) {
        for (JsonNode job : jobs) {
            if (job.path("name").asString().equals(name)) {
                return job;
            }
        }
        throw new AssertionError("no job " + name + " in " + jobs);
    }
}
