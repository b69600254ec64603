package com.ai2aim.rx.jobs.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ai2aim.rx.RxApplication;
import com.ai2aim.rx.jobs.JobFailedException;
import com.ai2aim.rx.jobs.JobOutcome;
import com.ai2aim.rx.jobs.JobRun;
import com.ai2aim.rx.jobs.RxJob;
import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.TestUsers;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two copies of the service on one PostgreSQL, as in production: every scheduled instant runs exactly once across
 * both, a run whose node died is picked up by a live one, failures retry with back-off and then alert PagerDuty and
 * the webhook (WireMock), a recovery resolves the incident, and a missed schedule warns on /actuator/health once.
 */
class JobClusterIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<Instant> TICKS = new CopyOnWriteArrayList<>();
    static final AtomicInteger FLAKY_FAILURES_LEFT = new AtomicInteger();
    static final Set<String> CRASH_RUNS_BY = ConcurrentHashMap.newKeySet();

    static EmbeddedPostgres database;
    static WireMockServer partners;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static JdbcClient db;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        database = EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
        try (Connection c = database.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create role anon nologin noinherit; create role authenticated nologin noinherit; "
                    + "create role service_role nologin noinherit bypassrls");
        }
        db = JdbcClient.create(database.getPostgresDatabase());
        partners = new WireMockServer(options().dynamicPort());
        partners.start();
        partners.stubFor(any(urlEqualTo("/v2/enqueue")).willReturn(aResponse().withStatus(202)));
        partners.stubFor(any(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
        nodeA = start("node-a");
        nodeB = start("node-b");
    }

    @AfterAll
    static void stop() throws Exception {
        Stream.of(nodeB, nodeA).filter(c -> c != null).forEach(ConfigurableApplicationContext::close);
        if (partners != null) {
            partners.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void everyScheduledInstantRunsExactlyOnceAcrossTwoNodes() {
        await().atMost(Duration.ofSeconds(60)).until(() -> TICKS.size() >= 10);

        List<Instant> calls = new ArrayList<>(TICKS);
        assertThat(calls).doesNotHaveDuplicates();
        Map<String, Object> rows = db.sql("""
                select count(*) as runs, count(distinct scheduled_for) as instants,
                       count(*) filter (where status <> 'succeeded') as not_ok
                from job_runs where job = 'test-tick'""").query().singleRow();
        assertThat(rows.get("runs")).isEqualTo(rows.get("instants"));
        assertThat((Long) rows.get("not_ok")).isZero();
        assertThat(db.sql("select scheduled_for::text from job_runs where job = 'test-tick' and scheduled_for <> date_trunc('second', scheduled_for)")
                .query(String.class).list()).as("runs are recorded at their cron instant").isEmpty();
    }

    @Test
    void aRunWhoseNodeDiedIsPickedUpByALiveNode() {
        db.sql("""
                insert into job_runs (job, node, trigger, scheduled_for, started_at, status)
                values ('test-crash', 'dead-node', 'schedule', now() - interval '1 minute', now() - interval '1 minute', 'running')""")
                .update();
        int picked = db.sql("""
                update scheduled_tasks set picked = true, picked_by = 'dead-node', last_heartbeat = now() - interval '1 hour',
                    execution_time = now() - interval '1 minute', version = version + 1
                where task_name = 'rx-job' and task_instance = 'test-crash'""").update();
        assertThat(picked).isEqualTo(1);

        await().atMost(Duration.ofSeconds(60)).until(() -> !CRASH_RUNS_BY.isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> db.sql(
                "select count(*) from job_runs where job = 'test-crash' and status = 'succeeded'").query(Long.class).single() == 1);
        assertThat(db.sql("select node from job_runs where job = 'test-crash' and status = 'succeeded'").query(String.class).single())
                .isIn("node-a", "node-b");
        assertThat(db.sql("select error_code from job_runs where job = 'test-crash' and node = 'dead-node'").query(String.class).single())
                .isEqualTo("RUN_ABANDONED");
    }

    @Test
    void aFailingRunRetriesWithBackOffThenAlertsOnceAndTheNextSuccessResolves() {
        FLAKY_FAILURES_LEFT.set(3);
        Instant due = dueNow("test-flaky");

        await().atMost(Duration.ofSeconds(60)).until(() -> pagerDuty("trigger", "rx-job-test-flaky").size() == 1);
        List<Map<String, Object>> attempts = db.sql("""
                select attempt, status, error_code, started_at from job_runs where job = 'test-flaky' and scheduled_for = ?
                order by attempt""").param(java.sql.Timestamp.from(due)).query().listOfRows();
        assertThat(attempts).extracting(r -> r.get("attempt")).containsExactly(1, 2, 3);
        assertThat(attempts).extracting(r -> r.get("status")).containsOnly("failed");
        assertThat(attempts).extracting(r -> r.get("error_code")).containsOnly("TEST_FLAKY");
        Instant second = ((java.sql.Timestamp) attempts.get(1).get("started_at")).toInstant();
        Instant third = ((java.sql.Timestamp) attempts.get(2).get("started_at")).toInstant();
        assertThat(Duration.between(second, third)).as("back-off doubles").isGreaterThanOrEqualTo(Duration.ofMillis(400));

        JsonNode trigger = pagerDuty("trigger", "rx-job-test-flaky").get(0);
        assertThat(trigger.path("routing_key").asString()).isEqualTo("test-routing-key");
        assertThat(trigger.path("payload").path("component").asString()).isEqualTo("test-flaky");
        assertThat(trigger.path("payload").path("severity").asString()).isEqualTo("error");
        assertThat(trigger.path("payload").path("summary").asString()).contains("TEST_FLAKY");
        assertThat(webhookTexts()).anyMatch(t -> t.contains("test-flaky") && t.contains("3 attempt"));

        FLAKY_FAILURES_LEFT.set(0);
        dueNow("test-flaky");
        await().atMost(Duration.ofSeconds(60)).until(() -> pagerDuty("resolve", "rx-job-test-flaky").size() == 1);
        assertThat(pagerDuty("trigger", "rx-job-test-flaky")).hasSize(1);
        double retries = Stream.of(nodeA, nodeB).mapToDouble(n -> n.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .find("rx.jobs.retries").tag("job", "test-flaky").counters().stream().mapToDouble(c -> c.count()).sum()).sum();
        assertThat(retries).isEqualTo(2);
    }

    @Test
    void aMissedScheduleWarnsOnHealthAndAlertsOnceUntilTheJobRunsAgain() {
        Stream.of(nodeA, nodeB).forEach(n -> n.getBean(Scheduler.class).pause());
        try {
            db.sql("update scheduled_tasks set execution_time = now() - interval '1 hour' where task_name = 'rx-job' and task_instance = 'test-missed'")
                    .update();
            Api api = new Api(port(nodeA));
            for (int i = 0; i < 3; i++) {
                Api.Response health = api.get("/actuator/health").send();
                assertThat(health.status()).isEqualTo(200);
                assertThat(health.json().path("components").path("jobs").path("status").asString()).isEqualTo("WARNING");
                assertThat(health.json().path("components").path("jobs").path("details").path("missed").has("test-missed")).isTrue();
            }
            assertThat(pagerDuty("trigger", "rx-job-test-missed-missed")).hasSize(1);
        } finally {
            Stream.of(nodeA, nodeB).forEach(n -> n.getBean(Scheduler.class).resume());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> pagerDuty("resolve", "rx-job-test-missed-missed").size() == 1);
        assertThat(new Api(port(nodeB)).get("/actuator/health").send().json().path("components").path("jobs").path("status")
                .asString()).isEqualTo("UP");
    }

    @Test
    void aPartnerGoingDownAlertsOnceAndItsRecoveryResolves() {
        partners.stubFor(get(urlEqualTo("/partner")).willReturn(aResponse().withStatus(503)));
        Api api = new Api(port(nodeB));
        String admin = new TestUsers(api).token(TestUsers.ADMIN);

        Api.Response down = api.post("/api/jobs/health-check/run", null).token(admin).send();
        assertThat(down.data().path("details").path("partner-partner").asString()).as(down.raw()).isEqualTo("down");
        api.post("/api/jobs/health-check/run", null).token(admin).send();
        assertThat(pagerDuty("trigger", "rx-job-health-check-down-partner-partner")).hasSize(1);

        partners.stubFor(get(urlEqualTo("/partner")).willReturn(aResponse().withStatus(200)));
        Api.Response up = api.post("/api/jobs/health-check/run", null).token(admin).send();
        assertThat(up.data().path("details").path("partner-partner").asString()).isEqualTo("up");
        assertThat(pagerDuty("resolve", "rx-job-health-check-down-partner-partner")).hasSize(1);
    }

    /** Puts the job's db-scheduler execution due now (as if its cron instant had come); returns the due instant. */
    private static Instant dueNow(String job) {
        Instant due = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        nodeA.getBean(Scheduler.class).reschedule(JobTasks.SCHEDULED.instance(job).data(due.toString()).scheduledTo(due));
        return due;
    }

    private static List<JsonNode> pagerDuty(String action, String key) {
        List<JsonNode> events = new ArrayList<>();
        for (LoggedRequest request : partners.findAll(postRequestedFor(urlEqualTo("/v2/enqueue")))) {
            JsonNode body = JSON.readTree(request.getBodyAsString());
            if (body.path("event_action").asString().equals(action) && body.path("dedup_key").asString().equals(key)) {
                events.add(body);
            }
        }
        return events;
    }

    private static List<String> webhookTexts() {
        return partners.findAll(postRequestedFor(urlEqualTo("/hook"))).stream()
                .map(r -> JSON.readTree(r.getBodyAsString()).path("text").asString()).toList();
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    private static ConfigurableApplicationContext start(String node) {
        Map<String, Object> properties = new java.util.HashMap<>();
        properties.put("server.port", 0);
        properties.put("rx.demo", true);
        properties.put("rx.jwt.secret", "test-secret-test-secret-test-secret-0123456789");
        properties.put("rx.database.url", "jdbc:postgresql://localhost:" + database.getPort() + "/postgres");
        properties.put("rx.database.user", "postgres");
        properties.put("rx.database.app-user", "rx_app");
        properties.put("rx.jobs.node", node);
        properties.put("rx.jobs.retry-backoff", "200ms");
        properties.put("rx.jobs.test-tick.schedule", "*/1 * * * * *");
        properties.put("rx.jobs.alerts.pagerduty-url", partners.baseUrl());
        properties.put("rx.jobs.alerts.pagerduty-routing-key", "test-routing-key");
        properties.put("rx.jobs.alerts.webhook-url", partners.baseUrl() + "/hook");
        properties.put("rx.jobs.health-check.endpoints.partner", partners.baseUrl() + "/partner");
        for (String real : List.of("health-check", "cache-warming", "inactive-user-cleanup", "job-history-purge")) {
            properties.put("rx.jobs." + real + ".enabled", false);
        }
        properties.put("db-scheduler.polling-interval", "100ms");
        properties.put("db-scheduler.heartbeat-interval", "1s");
        properties.put("db-scheduler.threads", 4);
        properties.put("rx.rate-limit.enabled", false);
        // Arguments, not builder properties: those are defaults, and application.yml would override them.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(RxApplication.class)
                .initializers(context -> {
                    GenericApplicationContext generic = (GenericApplicationContext) context;
                    generic.registerBean("testTickJob", RxJob.class, () -> job("test-tick", run -> {
                        TICKS.add(run.scheduledFor());
                        return JobOutcome.of(1);
                    }));
                    generic.registerBean("testFlakyJob", RxJob.class, () -> job("test-flaky", run -> {
                        if (FLAKY_FAILURES_LEFT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                            throw new JobFailedException("TEST_FLAKY", "failing on purpose");
                        }
                        return JobOutcome.of(1);
                    }));
                    generic.registerBean("testCrashJob", RxJob.class, () -> job("test-crash", run -> {
                        CRASH_RUNS_BY.add(node);
                        return JobOutcome.of(1);
                    }));
                    generic.registerBean("testMissedJob", RxJob.class, () -> job("test-missed", run -> JobOutcome.of(0)));
                }).run(args);
    }

    interface Body {
        JobOutcome run(JobRun run);
    }

    /** A job due once a year unless overridden, so it runs only when a test makes it due. */
    static RxJob job(String name, Body body) {
        return new RxJob() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String defaultSchedule() {
                return "0 0 1 1 *";
            }

            @Override
            public String description() {
                return "test job " + name;
            }

            @Override
            public JobOutcome run(JobRun run) {
                return body.run(run);
            }
        };
    }
}
