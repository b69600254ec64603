package com.ai2aim.rx.identity;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the official {@code @supabase/supabase-js} client (pinned in {@code src/test/js/package.json}) in Node.js
 * against the running service, so a change that breaks the real client fails the build rather than a partner's app.
 * Needs {@code node} and, if {@code src/test/js/node_modules} is not installed yet, {@code npm} on the PATH.
 */
@IntegrationTest
class SupabaseJsCompatibilityIntegrationTests {

    private static final Path JS_DIR = Path.of("src", "test", "js").toAbsolutePath();
    private static final Duration NPM_DEADLINE = Duration.ofMinutes(5);
    private static final Duration NODE_DEADLINE = Duration.ofSeconds(90);
    private static final List<String> STEPS = List.of("signIn", "getUser", "refreshSession", "wrongPassword", "signOut");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TokenSigner signer;

    private record Run(int exitCode, String stdout, String stderr, JsonNode result) {
        String describe() {
            return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    @BeforeAll
    static void installSupabaseJs() throws IOException {
        if (!Files.isRegularFile(JS_DIR.resolve("package.json"))) {
            fail(JS_DIR.resolve("package.json") + " not found; run the tests from the repository root");
        }
        if (Files.isDirectory(JS_DIR.resolve("node_modules/@supabase/supabase-js"))) {
            return;
        }
        Run npm = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), NPM_DEADLINE);
        if (npm.exitCode() != 0) {
            fail("npm ci in " + JS_DIR + " failed: " + npm.describe());
        }
    }

    @Test
    void supabaseJsSignsInReadsTheUserRefreshesAndSignsOut() throws IOException {
        Run node = supabaseJs(TestUsers.PHARMACIST, TestUsers.DEMO_PASSWORD);

        assertThat(node.exitCode()).as(node.describe()).isZero();
        assertThat(node.result().path("ok").asBoolean()).as(node.describe()).isTrue();
        for (String step : STEPS) {
            assertThat(node.result().path("steps").path(step).path("ok").asBoolean()).as(step + "\n" + node.describe()).isTrue();
        }
        assertThat(node.result().path("steps").path("wrongPassword").path("status").asInt()).isEqualTo(400);
        assertThat(node.stdout()).as("the script must not print tokens or emails")
                .doesNotContain(TestUsers.PHARMACIST).doesNotContain(signer.anonKey());
    }

    @Test
    void signInsThroughSupabaseJsAreAuditedIncludingTheFailedOne() throws IOException {
        Api api = new Api(port);
        TestUsers users = new TestUsers(api);
        String patient = users.id(TestUsers.PATIENT).toString();
        String admin = users.token(TestUsers.ADMIN);
        long before = signInRecords(api, admin, patient).stream().mapToLong(r -> r.path("seq").asLong()).max().orElse(0);

        Run node = supabaseJs(TestUsers.PATIENT, TestUsers.DEMO_PASSWORD);
        assertThat(node.exitCode()).as(node.describe()).isZero();

        List<JsonNode> recorded = signInRecords(api, admin, patient).stream().filter(r -> r.path("seq").asLong() > before).toList();
        assertThat(recorded).as("auth.sign_in records for the patient after the supabase-js run").hasSize(2);
        assertThat(recorded).filteredOn(r -> r.path("outcome").asString().equals("success")).singleElement()
                .satisfies(r -> assertThat(r.path("details").path("session").asString()).isNotBlank());
        assertThat(recorded).filteredOn(r -> r.path("outcome").asString().equals("failure")).singleElement()
                .satisfies(r -> assertThat(r.path("details").path("reason").asString()).isEqualTo("bad_password"));
    }

    private static List<JsonNode> signInRecords(Api api, String adminToken, String userId) {
        Api.Response page = api.get("/api/audit/logs?action=auth.sign_in&resourceType=user&resourceId=" + userId + "&limit=100")
                .token(adminToken).send();
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        List<JsonNode> records = new ArrayList<>();
        page.data().forEach(records::add);
        return records;
    }

    private Run supabaseJs(String email, String password) throws IOException {
        Run node = run(List.of("node", "supabase-client.mjs"), Map.of(
                "SUPABASE_URL", "http://localhost:" + port,
                "SUPABASE_ANON_KEY", signer.anonKey(),
                "EMAIL", email,
                "PASSWORD", password), NODE_DEADLINE);
        String last = node.stdout().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
        if (last == null) {
            fail("supabase-client.mjs printed no JSON result: " + node.describe());
        }
        return new Run(node.exitCode(), node.stdout(), node.stderr(), JSON.readTree(last));
    }

    /** Runs a command in src/test/js, output to files (no pipe to fill up), and kills it at the deadline. */
    private static Run run(List<String> command, Map<String, String> env, Duration deadline) throws IOException {
        Path out = Files.createTempFile("supabase-js-", ".out");
        Path err = Files.createTempFile("supabase-js-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(JS_DIR.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(env);
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new AssertionError("Cannot run '" + command.get(0) + "' (is Node.js installed and on the PATH?): "
                        + e.getMessage(), e);
            }
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
                throw new AssertionError(String.join(" ", command) + " did not finish within " + deadline + "\nstdout:\n"
                        + Files.readString(out, StandardCharsets.UTF_8) + "\nstderr:\n" + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), null);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
