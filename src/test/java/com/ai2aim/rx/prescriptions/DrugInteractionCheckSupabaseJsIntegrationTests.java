package com.ai2aim.rx.prescriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.ai2aim.rx.platform.security.TokenSigner;
import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code supabase.functions.invoke('drug-interaction-check', {body})} from the official supabase-js client (pinned in
 * {@code src/test/js/package.json}, script {@code functions-invoke.mjs}) in Node.js against the running service.
 * Needs {@code node} and, if {@code src/test/js/node_modules} is not installed yet, {@code npm} on the PATH.
 */
@IntegrationTest
class DrugInteractionCheckSupabaseJsIntegrationTests {

    private static final Path JS_DIR = Path.of("src", "test", "js").toAbsolutePath();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired TokenSigner signer;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    private record Run(int exitCode, String stdout, String stderr) {
        String describe() {
            return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    @BeforeAll
    static void installSupabaseJs() throws IOException {
        if (Files.isDirectory(JS_DIR.resolve("node_modules/@supabase/supabase-js"))) {
            return;
        }
        Run npm = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), Duration.ofMinutes(5));
        if (npm.exitCode() != 0) {
            fail("npm ci in " + JS_DIR + " failed: " + npm.describe());
        }
    }

    @Test
    void supabaseJsInvokesTheCheckAndReadsErrorsFromTheEnvelope() throws IOException {
        Api api = new Api(port);
        TestUsers users = new TestUsers(api);
        JdbcClient db = JdbcClient.create(owner);
        UUID patient = patientWithActiveWarfarin(api, users, db);

        Run node = run(List.of("node", "functions-invoke.mjs"), Map.of(
                "SUPABASE_URL", "http://localhost:" + port,
                "SUPABASE_ANON_KEY", signer.anonKey(),
                "EMAIL", TestUsers.PHARMACIST,
                "PASSWORD", TestUsers.DEMO_PASSWORD,
                "FUNCTION", "drug-interaction-check",
                "BODY", Api.json(Map.of("patientId", patient.toString(), "newMedication", "5640", "dosage", "400 mg"))),
                Duration.ofSeconds(90));
        String last = node.stdout().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
        assertThat(last).as(node.describe()).isNotNull();
        JsonNode result = JSON.readTree(last);

        assertThat(node.exitCode()).as(node.describe()).isZero();
        JsonNode steps = result.path("steps");
        assertThat(steps.path("invoke").path("count").asInt()).as(node.describe()).isPositive();
        assertThat(steps.path("invoke").path("complete").asBoolean()).isTrue();
        assertThat(steps.path("invoke").path("severities").get(0).asString()).isIn("contraindicated", "major", "moderate");
        assertThat(steps.path("unknownFunction").path("status").asInt()).isEqualTo(404);
        assertThat(steps.path("unknownFunction").path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(steps.path("unknownFunction").path("name").asString()).isEqualTo("FunctionsHttpError");
        assertThat(steps.path("badInput").path("status").asInt()).isEqualTo(400);
        assertThat(steps.path("badInput").path("code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(node.stdout()).as("the script must not print tokens or emails")
                .doesNotContain(TestUsers.PHARMACIST).doesNotContain(signer.anonKey());
    }

    private static UUID patientWithActiveWarfarin(Api api, TestUsers users, JdbcClient db) {
        Map<String, Object> patient = new HashMap<>();
        patient.put("firstName", "Testy");
        patient.put("lastName", "McTestface");
        patient.put("dateOfBirth", "1970-05-06");
        patient.put("sexAtBirth", "female");
        patient.put("mrn", "T-" + UUID.randomUUID().toString().substring(0, 8));
        patient.put("preferredPharmacyId", users.orgOf(TestUsers.PHARMACIST).toString());
        Api.Response created = api.post("/api/patients", patient).token(users.token(TestUsers.PHYSICIAN)).send();
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        UUID patientId = UUID.fromString(created.data().path("id").asString());
        String warfarin = db.sql("""
                select id::text from medications where org_id is null and is_active and ingredient_rxcuis = array['11289']
                order by name limit 1""").query(String.class).single();
        Map<String, Object> prescription = new HashMap<>();
        prescription.put("patientId", patientId.toString());
        prescription.put("medicationId", warfarin);
        prescription.put("dose", "1 tablet");
        prescription.put("sig", "Take one tablet by mouth daily");
        prescription.put("quantity", 30);
        prescription.put("quantityUnit", "tablet");
        prescription.put("daysSupply", 30);
        prescription.put("refillsAuthorized", 0);
        prescription.put("diagnosisCode", "I48.91");
        Api.Response written = api.post("/api/prescriptions", prescription).token(users.token(TestUsers.PHYSICIAN)).send();
        assertThat(written.status()).as(written.raw()).isEqualTo(201);
        return patientId;
    }

    /** Runs a command in src/test/js, output to files (no pipe to fill up), and kills it at the deadline. */
    private static Run run(List<String> command, Map<String, String> env, Duration deadline) throws IOException {
        Path out = Files.createTempFile("functions-js-", ".out");
        Path err = Files.createTempFile("functions-js-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(JS_DIR.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean finished;
            try {
                finished = process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + command, e);
            }
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + deadline);
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
