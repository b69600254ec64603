package com.ai2aim.rx.patients;

import static com.ai2aim.rx.patients.PatientFixtures.create;
import static com.ai2aim.rx.patients.PatientFixtures.full;
import static com.ai2aim.rx.patients.PatientFixtures.uniqueMrn;
import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Generated hostile bodies (seeded, so a failure replays) thrown at POST and PUT. Each body starts valid and gets
 * one to three breakages that each make it invalid on their own, so the only right answer is a 4xx envelope with
 * nothing written: never a 5xx, never a row.
 */
@IntegrationTest
class PatientHostileInputIntegrationTests {

    private static final long SEED = 0x5EED_0F_9A71E17L;
    private static final int CASES = 60;

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    Api api;
    TestUsers users;
    JdbcClient db;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        db = JdbcClient.create(owner);
    }

    static Stream<Long> seeds() {
        Random root = new Random(SEED);
        return IntStream.range(0, CASES).mapToObj(i -> root.nextLong());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void hostileCreateIsRefusedWithA4xxAndWritesNothing(long seed) {
        Random random = new Random(seed);
        String pharmacist = users.token(TestUsers.PHARMACIST);
        long before = PatientFixtures.patientRows(db);
        long auditBefore = patientAuditRows();

        for (int i = 0; i < 4; i++) {
            Api.Response response = send("POST", "/api/patients", hostileBody(random, true), pharmacist, random);
            assertRefused(response, seed);
        }

        assertThat(PatientFixtures.patientRows(db)).as("seed %d", seed).isEqualTo(before);
        assertThat(patientAuditRows()).as("seed %d", seed).isEqualTo(auditBefore);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void hostileUpdateIsRefusedWithA4xxAndChangesNothing(long seed) {
        Random random = new Random(seed);
        String pharmacist = users.token(TestUsers.PHARMACIST);
        UUID id = create(api, pharmacist, full(uniqueMrn()));
        String snapshot = snapshot(id);

        for (int i = 0; i < 4; i++) {
            Api.Response response = send("PUT", "/api/patients/" + id, hostileBody(random, false), pharmacist, random);
            assertRefused(response, seed);
        }

        assertThat(snapshot(id)).as("seed %d", seed).isEqualTo(snapshot);
    }

    private static void assertRefused(Api.Response response, long seed) {
        assertThat(response.status()).as("seed %d: %s", seed, response.raw()).isBetween(400, 499);
        assertThat(response.json().path("success").asBoolean(true)).as("seed %d", seed).isFalse();
        assertThat(response.errorCode()).as("seed %d", seed).isNotBlank();
    }

    /**
     * Sends a map or list as JSON, a string or bytes as they are; sometimes with an Idempotency-Key, which must not
     * make a failure stick.
     */
    private Api.Response send(String method, String path, Object body, String token, Random random) {
        Api.Request request = method.equals("POST") ? api.post(path, body) : api.put(path, body);
        if (random.nextInt(4) == 0) {
            request.header("Idempotency-Key", "hostile-" + Long.toHexString(random.nextLong()));
        }
        return request.token(token).send();
    }

    private String snapshot(UUID id) {
        return db.sql("""
                select p.version || '|' || p.first_name || '|' || coalesce(p.phone, '') || '|' || p.updated_at
                    || '|' || (select count(*) from patient_allergies a where a.patient_id = p.id and a.removed_at is null)
                    || '|' || (select count(*) from patient_conditions c where c.patient_id = p.id and c.removed_at is null)
                    || '|' || (select count(*) from patient_coverages v where v.patient_id = p.id and v.removed_at is null)
                from patients p where p.id = ?""").param(id).query(String.class).single();
    }

    private long patientAuditRows() {
        return db.sql("select count(*) from audit_log where action like 'patient.%' and action not like '%.read' and action <> 'patient.list'")
                .query(Long.class).single();
    }

    // ---- the generator ----

    /** A valid body with one to three breakages, or (one time in eight) something that is not a patient at all. */
    static Object hostileBody(Random random, boolean create) {
        if (random.nextInt(8) == 0) {
            return garbage(random);
        }
        Map<String, Object> body = full(uniqueMrn());
        List<BiConsumer<Random, Map<String, Object>>> breakages = create ? CREATE_BREAKAGES : BREAKAGES;
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            breakages.get(random.nextInt(breakages.size())).accept(random, body);
        }
        return body;
    }

    private static Object garbage(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> randomBytes(random, 1 + random.nextInt(200));
            case 1 -> "[" + "[".repeat(3000) + "]".repeat(3000) + "]";
            case 2 -> "{\"mrn\": \"" + "A".repeat(10) + "\", ";
            case 3 -> List.of(full(uniqueMrn()));
            case 4 -> "\"just a string\"";
            default -> Map.of("x" + random.nextInt(1000), randomValue(random, 3));
        };
    }

    /** Each of these alone makes a create or an update invalid. */
    static final List<BiConsumer<Random, Map<String, Object>>> BREAKAGES = List.of(
            (r, b) -> b.put("x_" + randomWord(r, 6), randomValue(r, 2)),
            (r, b) -> b.put(pick(r, "firstName", "lastName", "mrn", "phone", "email", "sexAtBirth", "genderIdentity"), nonString(r)),
            (r, b) -> b.put("dateOfBirth", pick(r, "2999-01-01", "1899-12-31", "1980-02-30", "yesterday", "0000-00-00", "1980-1-1")),
            (r, b) -> b.put("dateOfBirth", 100_000 + r.nextInt(1_000_000)),
            (r, b) -> b.put("phone", pick(r, "555", "+0123456789", "+1 555 555 0100", "+" + "9".repeat(16), randomWord(r, 10))),
            (r, b) -> b.put("email", pick(r, randomWord(r, 12), "@example.com", "a@b", "a b@c.d", "x@y@z.com")),
            (r, b) -> b.put("mrn", pick(r, "'; drop table patients; --", "A B", "-lead", "x".repeat(40), "ü-mrn")),
            (r, b) -> b.put(pick(r, "firstName", "lastName"), pick(r, "x".repeat(101 + r.nextInt(5000)), "Null\u0000Byte", "Bell\u0007", "   ")),
            (r, b) -> b.put("sexAtBirth", randomWord(r, 1 + r.nextInt(8)) + "?"),
            (r, b) -> b.put("preferredPharmacyId", pick(r, "not-a-uuid", "12345", 42)),
            (r, b) -> item(b, "allergies").put("severity", pick(r, "fatal", "MILD", "", "severe ")),
            (r, b) -> item(b, "allergies").put("rxcui", pick(r, "RX1", "-1", "12345678901", "7 23")),
            (r, b) -> b.put("allergies", List.of(Map.of("reaction", "Rash"))),
            (r, b) -> item(b, "conditions").put("icd10Code", pick(r, "E1", "11.9", "E11.12345", "E11..9", "", "DROP", "E11.9\n")),
            (r, b) -> item(b, "coverages").put("bin", pick(r, "12345", "1234567", "ABCDEF", "12 456", "")),
            (r, b) -> item(b, "coverages").put("priority", pick(r, 0, 10, -1, 99999, "1")),
            (r, b) -> b.put("coverages", java.util.Collections.nCopies(10, Map.of("payerName", "P", "memberId", "M"))),
            (r, b) -> quietHours(b).put("timezone", pick(r, "Mars/Olympus", "+02:00", "EST5", "america/chicago", "")),
            (r, b) -> quietHours(b).put(pick(r, "start", "end"), pick(r, "24:00", "7:00", "noon", "07:60")),
            (r, b) -> preferences(b).put("channels", List.of(pick(r, "fax", "pigeon", "SMS", ""))),
            (r, b) -> consent(b).put("at", pick(r, "2999-01-01T00:00:00Z", "not a time", "2020-13-01T00:00:00Z")),
            (r, b) -> b.put(pick(r, "allergies", "conditions", "coverages"), pick(r, "none", 7, Map.of("a", 1), List.of(1, 2))),
            (r, b) -> b.put("address", pick(r, "1 Main St", List.of("a"), Map.of("zip", "62701"), Map.of("country", "usa"))),
            (r, b) -> b.put("communicationPreferences", Map.of("consent", Map.of("fax", Map.of("granted", true)))),
            (r, b) -> b.put("isActive", pick(r, "yes", 1, "true")),
            (r, b) -> b.put("userId", pick(r, UUID.randomUUID().toString(), "nobody")));

    /** A create also fails for a missing required field; an update treats absence as "keep". */
    static final List<BiConsumer<Random, Map<String, Object>>> CREATE_BREAKAGES = Stream.concat(BREAKAGES.stream(), Stream.of(
            (BiConsumer<Random, Map<String, Object>>) (r, b) -> b.remove(pick(r, "mrn", "firstName", "lastName", "dateOfBirth", "sexAtBirth")),
            (r, b) -> b.put(pick(r, "mrn", "firstName", "lastName", "dateOfBirth", "sexAtBirth"), null))).toList();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(Map<String, Object> body, String list) {
        Object current = body.get(list);
        List<Object> items = current instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?>
                ? new ArrayList<>((List<Object>) l) : new ArrayList<>(((List<Object>) full(uniqueMrn()).get(list)));
        Map<String, Object> first = new LinkedHashMap<>((Map<String, Object>) items.get(0));
        items.set(0, first);
        body.put(list, items);
        return first;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> preferences(Map<String, Object> body) {
        Object current = body.get("communicationPreferences");
        Map<String, Object> prefs = new LinkedHashMap<>(current instanceof Map<?, ?> m && m.containsKey("quietHours")
                ? (Map<String, Object>) m : (Map<String, Object>) full(uniqueMrn()).get("communicationPreferences"));
        body.put("communicationPreferences", prefs);
        return prefs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> quietHours(Map<String, Object> body) {
        Map<String, Object> prefs = preferences(body);
        Map<String, Object> quiet = new LinkedHashMap<>((Map<String, Object>) prefs.get("quietHours"));
        prefs.put("quietHours", quiet);
        return quiet;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> consent(Map<String, Object> body) {
        Map<String, Object> prefs = preferences(body);
        Map<String, Object> consents = new LinkedHashMap<>((Map<String, Object>) prefs.get("consent"));
        Map<String, Object> sms = new LinkedHashMap<>(Map.of("granted", true));
        consents.put("sms", sms);
        prefs.put("consent", consents);
        return sms;
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }

    private static Object nonString(Random r) {
        return pick(r, r.nextInt(), r.nextDouble(), true, List.of("a"), Map.of("k", "v"));
    }

    private static Object randomValue(Random r, int depth) {
        int kind = r.nextInt(depth <= 0 ? 4 : 6);
        return switch (kind) {
            case 0 -> r.nextLong();
            case 1 -> randomWord(r, r.nextInt(20));
            case 2 -> r.nextBoolean();
            case 3 -> "\u202e\ud83d\ude00" + randomWord(r, 3);
            case 4 -> List.of(randomValue(r, depth - 1), randomValue(r, depth - 1));
            default -> Map.of(randomWord(r, 4) + "k", randomValue(r, depth - 1));
        };
    }

    private static String randomWord(Random r, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + r.nextInt(26)));
        }
        return s.toString();
    }

    private static byte[] randomBytes(Random r, int length) {
        byte[] bytes = new byte[length];
        r.nextBytes(bytes);
        bytes[0] = '{'; // looks like JSON to the first glance, and is not
        return bytes;
    }
}
