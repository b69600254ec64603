package com.ai2aim.rx.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.platform.HostileRequests.Caller;
import com.ai2aim.rx.platform.HostileRequests.Case;
import com.ai2aim.rx.platform.HostileRequests.Targets;
import com.ai2aim.rx.platform.web.ErrorCode;
import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.Db;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throws a few hundred seeded hostile requests at every write endpoint (and the list endpoints) and checks that
 * each is answered below 500, in the error envelope when refused, and without changing a row. Run with
 * {@code -Drx.hostile.seed=N} to explore other inputs; a failure names the case index to reproduce it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIntegrationTests {

    static final long SEED = Long.getLong("rx.hostile.seed", 20_260_517L);
    private static final int MAX_BODY = 1024 * 1024;
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "at com.", "at org.", "at java.", "org.springframework",
            "tools.jackson", "com.fasterxml", "org.postgresql", "SQLState", "ERROR: ", "java.lang", "Caused by");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("ownerDataSource")
    DataSource ownerDataSource;

    private Api api;
    private JdbcClient owner;
    private Targets targets;
    private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);

    /** What a hostile request must never change. */
    record Snapshot(long users, long organizations, long credentials, String usersUpdated, String organizationsUpdated,
                    String credentialsUpdated, String targetUser, String targetCredential, String targetOrganization, String admin) {}

    @BeforeAll
    void createTargets() {
        api = new Api(port);
        owner = Db.owner(ownerDataSource);
        TestUsers users = new TestUsers(api);
        Api.Response org = api.post("/api/organizations", Map.of("name", "Hostile Target Pharmacy", "kind", "pharmacy"))
                .token(users.token(TestUsers.ADMIN)).send();
        assertThat(org.status()).as(org.raw()).isEqualTo(201);
        UUID orgId = UUID.fromString(org.data().path("id").asString());
        UUID user = users.create("pharmacist", orgId, "Target-Password-2026");
        targets = new Targets(user, orgId, users.id(TestUsers.ADMIN));
        tokens.put(Caller.ADMIN, users.token(TestUsers.ADMIN));
        tokens.put(Caller.PHARMACIST, users.token(TestUsers.PHARMACIST));
        tokens.put(Caller.PATIENT, users.token(TestUsers.PATIENT));
    }

    Stream<Case> hostileRequests() {
        return HostileRequests.generate(SEED, targets).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void hostileRequestIsAnsweredBelow500InTheEnvelopeWithoutWritingARow(Case hostile) {
        Snapshot before = snapshot();
        Api.Response response = send(hostile);
        String context = hostile + " -> " + response.status() + " " + abbreviate(response.raw());

        assertThat(response.status()).as(context).isLessThan(500);
        if (hostile.mustBeRejected()) {
            assertThat(response.status()).as(context).isBetween(400, 499);
        }
        if (response.status() >= 400) {
            assertErrorEnvelope(response, context);
        }
        if (hostile.expectedCode() != null) {
            assertThat(response.errorCode()).as(context).isEqualTo(hostile.expectedCode());
        }
        assertNoLeak(response, context);
        assertThat(snapshot()).as("rows after " + context).isEqualTo(before);
    }

    @ParameterizedTest(name = "GET {0}?{1}")
    @CsvSource({
            "/api/users, page=0, page", "/api/users, limit=101, limit", "/api/users, limit=-1, limit", "/api/users, page=abc, page",
            "/api/users, sort=unknown, sort", "/api/users, sort=;drop, sort", "/api/users, limit=0, limit",
            "/api/users, page=1000001, page", "/api/users, sort=email;drop table users, sort",
            "/api/organizations, page=0, page", "/api/organizations, limit=101, limit", "/api/organizations, limit=-1, limit",
            "/api/organizations, page=abc, page", "/api/organizations, sort=unknown, sort", "/api/organizations, sort=;drop, sort",
            "/api/audit/logs, page=0, page", "/api/audit/logs, limit=101, limit", "/api/audit/logs, limit=-1, limit",
            "/api/audit/logs, page=abc, page", "/api/audit/logs, sort=unknown, sort", "/api/audit/logs, sort=;drop, sort",
            "/api/users, orgId=not-a-uuid, orgId", "/api/users, active=maybe, active", "/api/users, role=superuser, role",
            "/api/audit/logs, from=yesterday, from"})
    void outOfRangeListParameterIsAValidationErrorNamingTheParameter(String path, String parameter, String field) {
        String[] pair = parameter.split("=", 2);
        Api.Response response = api.get(path + "?" + pair[0] + "=" + URLEncoder.encode(pair[1], StandardCharsets.UTF_8))
                .token(tokens.get(Caller.ADMIN)).send();
        String context = path + "?" + parameter + " -> " + response.raw();
        assertThat(response.status()).as(context).isEqualTo(400);
        assertErrorEnvelope(response, context);
        assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(response.json().path("error").path("details").get(0).path("field").asString()).as(context).isEqualTo(field);
    }

    @Test
    void bodyDeclaredOverOneMebibyteIsRefusedWith413BeforeAnyRowIsWritten() throws Exception {
        Snapshot before = snapshot();
        HttpResponse<String> response = http().send(organizationCreate(HttpRequest.BodyPublishers.ofByteArray(oversizedOrganization())),
                HttpResponse.BodyHandlers.ofString());
        assertTooLarge(response);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void chunkedBodyOverOneMebibyteIsRefusedWith413WhileBeingRead() throws Exception {
        Snapshot before = snapshot();
        byte[] body = oversizedOrganization();
        List<byte[]> chunks = new ArrayList<>();
        for (int offset = 0; offset < body.length; offset += 16 * 1024) {
            chunks.add(Arrays.copyOfRange(body, offset, Math.min(body.length, offset + 16 * 1024)));
        }
        // ofByteArrays has no known length, so HTTP/1.1 sends it with Transfer-Encoding: chunked
        HttpRequest request = organizationCreate(HttpRequest.BodyPublishers.ofByteArrays(chunks));
        assertThat(request.bodyPublisher().orElseThrow().contentLength()).isNegative();
        assertTooLarge(http().send(request, HttpResponse.BodyHandlers.ofString()));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void chunkedSignInBodyOverOneMebibyteIsRefusedWith413() throws Exception {
        byte[] body = ("{\"email\":\"a@b.c\",\"password\":\"" + "p".repeat(MAX_BODY) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/auth/v1/token?grant_type=password"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(body))).build();
        assertTooLarge(http().send(request, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void bodyOfExactlyOneMebibyteIsReadAndValidatedNotRefusedAsTooLarge() throws Exception {
        String prefix = "{\"kind\":\"pharmacy\",\"name\":\"";
        byte[] body = (prefix + "n".repeat(MAX_BODY - prefix.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(body).hasSize(MAX_BODY);
        Snapshot before = snapshot();
        HttpResponse<String> response = http().send(organizationCreate(HttpRequest.BodyPublishers.ofByteArray(body)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(abbreviate(response.body())).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").path("code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @CsvSource({
            "GET, /api/does-not-exist, ADMIN", "GET, /api/users/00000000-0000-0000-0000-000000000001/nothing, ADMIN",
            "POST, /api/does-not-exist, ADMIN", "PUT, /api/does-not-exist, ADMIN", "DELETE, /api/does-not-exist, ADMIN",
            "PATCH, /api/organizations/00000000-0000-0000-0000-000000000001/x, ADMIN", "GET, /does-not-exist, ADMIN",
            "GET, /auth/v1/does-not-exist, ADMIN", "POST, /auth/v1/admin/does-not-exist, ADMIN", "GET, /api/does-not-exist, PATIENT",
            "POST, /api/does-not-exist, PHARMACIST"})
    void unknownRouteIs404InTheEnvelopeForAnAuthenticatedCaller(String method, String path, Caller caller) {
        Api.Response response = api.request(method, path, method.equals("GET") || method.equals("DELETE") ? null : "{\"a\":1}")
                .token(tokens.get(caller)).send();
        String context = method + " " + path + " -> " + response.status() + " " + response.raw();
        assertThat(response.status()).as(context).isEqualTo(404);
        assertErrorEnvelope(response, context);
        assertThat(response.errorCode()).isEqualTo("NOT_FOUND");
    }

    /** Tomcat refuses these before any filter runs; they must still be answered in the envelope. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, /api/../../etc/passwd", "PUT, /api/users/%00", "DELETE, /api/users/a%2Fb", "GET, /api/users?page[]=1",
            "GET, /api/organizations?sort=<script>"})
    void requestRefusedBeforeReachingTheApplicationIsStillAnsweredInTheEnvelope(String method, String path) {
        Snapshot before = snapshot();
        Api.Response response = send(new Case(0, "refused by the connector", method, path, Caller.ADMIN, null, null, Map.of(), true, null));
        String context = method + " " + path + " -> " + response.status() + " " + abbreviate(response.raw());
        assertThat(response.status()).as(context).isEqualTo(400);
        assertErrorEnvelope(response, context);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void generatorIsReproducibleFromItsSeed() {
        List<Case> first = HostileRequests.generate(SEED, targets);
        List<Case> again = HostileRequests.generate(SEED, targets);
        List<Case> other = HostileRequests.generate(SEED + 1, targets);
        assertThat(first).hasSizeGreaterThan(300);
        assertThat(first).map(Case::toString).isEqualTo(again.stream().map(Case::toString).toList());
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i).body()).as(first.get(i).toString()).isEqualTo(again.get(i).body());
        }
        assertThat(first.stream().map(c -> Arrays.hashCode(c.body())).toList())
                .isNotEqualTo(other.stream().map(c -> Arrays.hashCode(c.body())).toList());
    }

    private Api.Response send(Case hostile) {
        if (!isValidUri(api.base() + hostile.path())) {
            return sendRaw(hostile);
        }
        Api.Request request = api.request(hostile.method(), hostile.path(), hostile.body()).contentType(hostile.contentType());
        if (hostile.caller() != Caller.ANONYMOUS) {
            request.token(tokens.get(hostile.caller()));
        }
        hostile.headers().forEach(request::header);
        return request.send();
    }

    private static boolean isValidUri(String uri) {
        try {
            URI.create(uri);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** For request targets java.net.http refuses to send (broken %-escapes): HTTP/1.0 over a socket, read to EOF. */
    private Api.Response sendRaw(Case hostile) {
        assertThat(hostile.body()).as("raw requests carry no body").isNull();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(hostile.method() + " " + hostile.path() + " HTTP/1.0\r\nHost: localhost\r\n");
            if (hostile.caller() != Caller.ANONYMOUS) {
                head.append("Authorization: Bearer ").append(tokens.get(hostile.caller())).append("\r\n");
            }
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = raw.indexOf("\r\n\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : raw.substring(0, split).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
            }
            String body = raw.substring(split + 4);
            int status = Integer.parseInt(raw.substring(9, 12));
            return new Api.Response(status, headers, body, body.startsWith("{") ? JSON.readTree(body) : JSON.missingNode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Snapshot snapshot() {
        return owner.sql("""
                select (select count(*) from users), (select count(*) from organizations), (select count(*) from user_credentials),
                       (select max(updated_at)::text from users), (select max(updated_at)::text from organizations),
                       (select max(updated_at)::text from user_credentials),
                       (select row_to_json(u)::text from users u where id = :user),
                       (select row_to_json(c)::text from user_credentials c where user_id = :user),
                       (select row_to_json(o)::text from organizations o where id = :org),
                       (select row_to_json(a)::text from users a where id = :admin)""")
                .param("user", targets.user()).param("org", targets.org()).param("admin", targets.admin())
                .query((rs, n) -> new Snapshot(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)))
                .single();
    }

    private static void assertErrorEnvelope(Api.Response response, String context) {
        JsonNode json = response.json();
        assertThat(json.isObject()).as("envelope expected: " + context).isTrue();
        assertThat(json.path("success").isBoolean()).as(context).isTrue();
        assertThat(json.path("success").asBoolean()).as(context).isFalse();
        String code = json.path("error").path("code").asString("");
        assertThat(code).as(context).isNotBlank();
        assertThat(Arrays.stream(ErrorCode.values()).map(Enum::name)).as(context).contains(code);
        assertThat(ErrorCode.valueOf(code).status().value()).as("status of " + code + ": " + context).isEqualTo(response.status());
        assertThat(json.path("error").path("message").asString("")).as(context).isNotBlank();
        assertThat(json.has("data")).as(context).isFalse();
        String requestId = json.path("meta").path("requestId").asString("");
        assertThat(requestId).as(context).isNotBlank().isEqualTo(response.header("X-Request-Id"));
    }

    private static void assertNoLeak(Api.Response response, String context) {
        assertThat(response.raw() == null ? "" : response.raw()).as("internal detail in " + context).doesNotContain(LEAKS);
    }

    private static void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(abbreviate(response.body())).isEqualTo(413);
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.path("success").asBoolean(true)).isFalse();
        assertThat(json.path("error").path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(json.path("meta").path("requestId").asString()).isNotBlank();
    }

    private HttpRequest organizationCreate(HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create(api.base() + "/api/organizations")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + tokens.get(Caller.ADMIN))
                .POST(body).build();
    }

    /** A well-formed, otherwise valid create whose address makes it just over the limit. */
    private static byte[] oversizedOrganization() {
        return ("{\"name\":\"Too Large\",\"kind\":\"pharmacy\",\"address\":{\"street\":\"" + "s".repeat(MAX_BODY + 64 * 1024) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "<no body>";
        }
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
