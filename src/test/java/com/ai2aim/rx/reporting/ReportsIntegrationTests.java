package com.ai2aim.rx.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.jobs.JobOutcome;
import com.ai2aim.rx.jobs.RxJob;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestJobRun;
import com.ai2aim.rx.support.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** weekly-reports and compliance-report: figures from seeded rows in periods no other test uses, downloads, access. */
@IntegrationTest
@RecordApplicationEvents
class ReportsIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;
    @Autowired List<RxJob> jobs;
    @Autowired ApplicationEvents events;

    Api api;
    TestUsers users;
    JdbcClient db;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        db = JdbcClient.create(owner);
    }

    @Test
    void theWeeklyReportCountsLastWeeksFillsVisitsErrorsAndDispensedMedicationsAndIsDownloadable() throws IOException {
        UUID pharmacist = users.create("pharmacist", users.orgOf(TestUsers.PHARMACIST), "Report-Pass-1");
        String at = "2020-03-04T10:00:00Z"; // the week of Monday 2 March 2020, reported on Monday 9 March
        seedWeek(pharmacist, at);

        JobOutcome outcome = run("weekly-reports", false, "2020-03-09T06:00:00Z");

        assertThat(outcome.details()).containsEntry("created", true).containsEntry("periodStart", "2020-03-02T00:00:00Z");
        String id = (String) outcome.details().get("reportId");
        assertThat(events.stream(ReportReady.class)).contains(new ReportReady(UUID.fromString(id), "weekly"));
        JsonNode summary = api.get("/api/reports/" + id).token(admin()).send().data().path("summary");
        assertThat(rows(summary, "fillsByType")).containsExactly("non-controlled, new=1", "non-controlled, refill=1", "schedule 2, new=1");
        assertThat(rows(summary, "fillsByPharmacist")).containsExactly(pharmacist + "=3");
        assertThat(rows(summary, "visits")).containsExactly("consultation=1", "pickup=2");
        assertThat(summary.path("functionErrors").path("rows").get(0).toString()).isEqualTo("[\"report-test-fn\",4,1,25.0]");
        assertThat(summary.path("jobErrors").path("rows").get(0).toString()).isEqualTo("[\"report-test-job\",2,1,50.0]");
        assertThat(summary.path("topMedications").path("rows").get(0).get(1).asLong()).isEqualTo(2);

        Api.Response csv = api.get("/api/reports/" + id + "/download?format=csv").token(admin()).send();
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.raw()).contains("fillsByPharmacist," + pharmacist + ",3").contains("visits,pickup,2");

        byte[] pdf = bytes("/api/reports/" + id + "/download?format=pdf");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Weekly operations report", "Prescriptions filled by type",
                    pharmacist.toString().substring(0, 20));
            assertThat(images(doc)).as("bar charts are embedded as images").isGreaterThanOrEqualTo(4);
        }
        assertThat(db.sql("select count(*) from audit_log where action = 'report.download' and resource_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theComplianceReportReviewsAccessFlagsUnusualVolumesAndHoursAndCountsFailedSignInsAndExports() {
        String heavy = "staff-" + UUID.randomUUID();
        String night = "staff-" + UUID.randomUUID();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            entries.add(access(heavy, "patient.read", "patient", UUID.randomUUID().toString(), "2020-04-10T10:00:00Z"));
        }
        String patient = UUID.randomUUID().toString();
        entries.add(access(night, "patient.read", "patient", patient, "2020-04-11T23:30:00Z"));
        entries.add(access(night, "audit.export", "audit_log", null, "2020-04-12T12:00:00Z"));
        db.sql("select rx.audit_append(cast(:e as jsonb))").param("e", JSON.writeValueAsString(entries)).query(Long.class).single();
        for (int i = 0; i < 3; i++) {
            db.sql("insert into sign_in_attempts (email_hash, succeeded, reason, at) values ('\\x01', false, 'report_test_reason', :at)")
                    .param("at", Timestamp.from(Instant.parse("2020-04-15T09:00:00Z"))).update();
        }

        JobOutcome outcome = run("compliance-report", false, "2020-05-01T07:00:00Z");

        JsonNode summary = api.get("/api/reports/" + outcome.details().get("reportId")).token(admin()).send().data().path("summary");
        assertThat(summary.path("accessReview").path("rows").size()).isEqualTo(36);
        assertThat(rows(summary, "unusualVolume")).containsExactly(heavy + "=2020-04-10");
        assertThat(summary.path("unusualVolume").path("rows").get(0).get(2).asLong()).isEqualTo(35);
        assertThat(summary.path("afterHours").path("rows").get(0).get(0).asString()).isEqualTo(night);
        assertThat(summary.path("afterHours").path("rows").size()).isEqualTo(1);
        assertThat(rows(summary, "failedSignIns")).containsExactly("report_test_reason=3");
        assertThat(rows(summary, "exports")).containsExactly(night + "=audit.export");
        assertThat(summary.toString()).doesNotContain("Demo").as("ids only, no names");
    }

    @Test
    void aDryRunReportsAndStoresNothingAndARetriedRunFindsTheReportItWrote() {
        long before = db.sql("select count(*) from reports").query(Long.class).single();

        JobOutcome dry = run("weekly-reports", true, "2020-06-08T06:00:00Z");

        assertThat(dry.details()).containsEntry("dryRun", true).containsEntry("created", false).doesNotContainKey("reportId");
        assertThat(db.sql("select count(*) from reports").query(Long.class).single()).isEqualTo(before);
        JobOutcome first = run("weekly-reports", false, "2020-06-08T06:00:00Z");
        JobOutcome again = run("weekly-reports", false, "2020-06-08T06:00:00Z");
        assertThat(again.details()).containsEntry("created", false).containsEntry("reportId", first.details().get("reportId"));
        assertThat(db.sql("select count(*) from reports").query(Long.class).single()).isEqualTo(before + 1);
    }

    @Test
    void onlyGlobalAdminsListAndDownloadReports() {
        String id = (String) run("weekly-reports", false, "2020-07-06T06:00:00Z").details().get("reportId");
        users.create("admin", users.orgOf(TestUsers.PHARMACIST), "Org-Admin-Pass-1");
        String orgAdmin = users.signIn(users.lastCreatedEmail(), "Org-Admin-Pass-1").json().path("access_token").asString();

        Api.Response list = api.get("/api/reports?kind=weekly&limit=100").token(admin()).send();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.data().findValuesAsString("id")).contains(id);
        assertThat(list.json().path("pagination").path("limit").asInt()).isEqualTo(100);
        for (String token : List.of(users.token(TestUsers.PHARMACIST), users.token(TestUsers.PATIENT), orgAdmin)) {
            assertThat(api.get("/api/reports").token(token).send().status()).isEqualTo(403);
            assertThat(api.get("/api/reports/" + id + "/download?format=pdf").token(token).send().status()).isEqualTo(403);
        }
        assertThat(api.get("/api/reports/" + id).send().status()).isEqualTo(401);
        assertThat(api.get("/api/reports/" + UUID.randomUUID()).token(admin()).send().errorCode()).isEqualTo("NOT_FOUND");
        Api.Response badFormat = api.get("/api/reports/" + id + "/download?format=xls").token(admin()).send();
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(api.get("/api/reports?kind=daily").token(admin()).send().errorCode()).isEqualTo("VALIDATION_ERROR");
    }

    private String admin() {
        return users.token(TestUsers.ADMIN);
    }

    private JobOutcome run(String job, boolean dryRun, String due) {
        RxJob found = jobs.stream().filter(j -> j.name().equals(job)).findFirst().orElseThrow();
        TestJobRun run = new TestJobRun(dryRun, Instant.parse(due));
        return Actors.asService(() -> {
            try {
                return found.run(run);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A section's rows as "label=value" (first column = second column). */
    private static List<String> rows(JsonNode summary, String section) {
        List<String> out = new ArrayList<>();
        summary.path(section).path("rows").forEach(r -> out.add(r.get(0).asString() + "=" + r.get(1).asString()));
        return out;
    }

    private static Map<String, Object> access(String actor, String action, String type, String resource, String at) {
        Map<String, Object> entry = new java.util.HashMap<>(Map.of("actorId", actor, "actorRole", "pharmacist", "action", action,
                "resourceType", type, "occurredAt", at));
        if (resource != null) {
            entry.put("resourceId", resource);
        }
        return entry;
    }

    private void seedWeek(UUID pharmacist, String at) {
        UUID org = users.orgOf(TestUsers.PHARMACIST);
        UUID prescriber = users.id(TestUsers.PHYSICIAN);
        UUID patient = db.sql("select id from patients order by created_at limit 1").query(UUID.class).single();
        List<UUID> meds = db.sql("select id from medications where org_id is null order by name limit 2").query(UUID.class).list();
        Timestamp when = Timestamp.from(Instant.parse(at));
        UUID plain = prescription(org, patient, prescriber, meds.get(0), null);
        UUID controlled = prescription(org, patient, prescriber, meds.get(1), 2);
        fillAndDispense(plain, 1, pharmacist, when);
        fillAndDispense(plain, 2, pharmacist, when);
        fillAndDispense(controlled, 1, pharmacist, when);
        for (String type : List.of("pickup", "pickup", "consultation")) {
            db.sql("insert into patient_visits (patient_id, org_id, type, occurred_at) values (:p, :o, :t, :at)")
                    .param("p", patient).param("o", org).param("t", type).param("at", when).update();
        }
        for (String outcome : List.of("success", "success", "success", "error")) {
            db.sql("""
                    insert into function_invocations (function_name, caller_id, caller_role, status, outcome, duration_ms, started_at)
                    values ('report-test-fn', 'x', 'service', 200, :o, 1.0, :at)""").param("o", outcome).param("at", when).update();
        }
        // Two attempts of one scheduled run (the first failed) and a dry run, which is not counted.
        for (String[] run : new String[][] {{"failed", "1", "schedule"}, {"succeeded", "2", "schedule"}, {"succeeded", "1", "manual"}}) {
            db.sql("""
                    insert into job_runs (job, trigger, scheduled_for, started_at, finished_at, status, attempt, dry_run)
                    values ('report-test-job', :trigger, :at, :at, :at, :status, :attempt, :dry)""")
                    .param("at", when).param("status", run[0]).param("attempt", Integer.parseInt(run[1]))
                    .param("trigger", run[2]).param("dry", run[2].equals("manual")).update();
        }
    }

    private UUID prescription(UUID org, UUID patient, UUID prescriber, UUID medication, Integer schedule) {
        return db.sql("""
                insert into prescriptions (org_id, patient_id, prescriber_id, medication_id, dose, sig, quantity, quantity_unit,
                    days_supply, refills_authorized, refills_remaining, written_date, expires_on, dea_schedule, status)
                values (:org, :patient, :prescriber, :med, '1 tab', 'daily', 30, 'tab', 30, 2, 1, date '2020-03-01',
                    date '2021-03-01', :schedule, 'dispensed') returning id""")
                .param("org", org).param("patient", patient).param("prescriber", prescriber).param("med", medication)
                .param("schedule", schedule).query(UUID.class).single();
    }

    private void fillAndDispense(UUID prescription, int number, UUID pharmacist, Timestamp at) {
        UUID fill = db.sql("""
                insert into prescription_fills (prescription_id, fill_number, filled_by, filled_at, quantity, ndc)
                values (:p, :n, :by, :at, 30, '00000000000') returning id""")
                .param("p", prescription).param("n", number).param("by", pharmacist).param("at", at).query(UUID.class).single();
        db.sql("insert into prescription_dispenses (prescription_id, fill_id, dispensed_by, dispensed_at) values (:p, :f, :by, :at)")
                .param("p", prescription).param("f", fill).param("by", pharmacist).param("at", at).update();
    }

    private byte[] bytes(String path) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + path))
                    .header("Authorization", "Bearer " + admin()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int images(PDDocument doc) throws IOException {
        int count = 0;
        for (PDPage page : doc.getPages()) {
            for (var name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                    count++;
                }
            }
        }
        return count;
    }
}
