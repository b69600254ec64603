package com.ai2aim.rx.communications;

import static com.ai2aim.rx.communications.CommunicationFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input is a 400 that names the field and writes nothing; hostile input (seeded, reproducible) never causes a
 * 5xx. Assertion messages name the case or seed, never the generated text.
 */
@IntegrationTest
class CommunicationInputIntegrationTests {

    /** Text that must be stored exactly as sent: quoting, injection, markup, scripts, emoji, bidi controls. */
    static final List<String> HOSTILE_BUT_VALID = List.of("'; drop table communications; --", "\" or 1=1 --", "<script>alert(1)</script>",
            "${jndi:ldap://x/a}", "{{7*7}}", "%s%n%x", "Robert'); DELETE FROM users;--", "\\u0000 as text", "ZAŻÓŁĆ gęślą jaźń",
            "مرحبا بالعالم", "\u202Eevil\u202C", "😀👩‍⚕️💊", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "null", "true", "[]", "{}", "../../etc/passwd");

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    CommunicationFixture fixture;
    Api api;
    String pharmacist;
    UUID technicianId;
    UUID physicianElsewhere;

    @BeforeEach
    void setUp() {
        fixture = new CommunicationFixture(port, owner);
        api = fixture.api;
        pharmacist = fixture.users.token(TestUsers.PHARMACIST);
        technicianId = fixture.users.id(TestUsers.TECHNICIAN);
        physicianElsewhere = fixture.users.id(TestUsers.PHYSICIAN);
    }

    static Stream<Arguments> invalidMessages() {
        return Stream.of(
                Arguments.of("unknown recipient", (Consumer<Map<String, Object>>) m -> m.put("recipientIds", List.of(UUID.randomUUID().toString())), "recipientIds[0]"),
                Arguments.of("recipient of another organisation", (Consumer<Map<String, Object>>) m -> m.put("recipientIds", List.of("PHYSICIAN")), "recipientIds[0]"),
                Arguments.of("empty recipients", (Consumer<Map<String, Object>>) m -> m.put("recipientIds", List.of()), "recipientIds"),
                Arguments.of("missing recipients", (Consumer<Map<String, Object>>) m -> m.remove("recipientIds"), "recipientIds"),
                Arguments.of("recipient not a uuid", (Consumer<Map<String, Object>>) m -> m.put("recipientIds", List.of("nobody")), "recipientIds[0]"),
                Arguments.of("subject too long", (Consumer<Map<String, Object>>) m -> m.put("subject", "s".repeat(201)), "subject"),
                Arguments.of("blank subject", (Consumer<Map<String, Object>>) m -> m.put("subject", "   "), "subject"),
                Arguments.of("subject with a NUL", (Consumer<Map<String, Object>>) m -> m.put("subject", "a\u0000b"), "subject"),
                Arguments.of("body too long", (Consumer<Map<String, Object>>) m -> m.put("body", "b".repeat(10_001)), "body"),
                Arguments.of("body with a NUL", (Consumer<Map<String, Object>>) m -> m.put("body", "line\u0000"), "body"),
                Arguments.of("unknown channel", (Consumer<Map<String, Object>>) m -> m.put("channel", "pigeon"), "channel"),
                Arguments.of("missing channel", (Consumer<Map<String, Object>>) m -> m.remove("channel"), "channel"),
                Arguments.of("unknown field", (Consumer<Map<String, Object>>) m -> m.put("priority", "high"), "priority"),
                Arguments.of("sender chosen by the client", (Consumer<Map<String, Object>>) m -> m.put("senderId", UUID.randomUUID().toString()), "senderId"),
                Arguments.of("patient id not a uuid", (Consumer<Map<String, Object>>) m -> m.put("patientId", "12345"), "patientId"),
                Arguments.of("subject of the wrong type", (Consumer<Map<String, Object>>) m -> m.put("subject", 42), "subject"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidMessages")
    void invalidMessageIsRefusedNamingTheFieldAndWritesNothing(String description, Consumer<Map<String, Object>> defect, String field) {
        Map<String, Object> body = message(technicianId);
        defect.accept(body);
        if (List.of("PHYSICIAN").equals(body.get("recipientIds"))) {
            body.put("recipientIds", List.of(physicianElsewhere.toString()));
        }
        long before = fixture.rowCount();

        Api.Response response = fixture.send(pharmacist, body);

        assertThat(response.status()).as(description).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(response.json().path("error").path("details").findValuesAsString("field")).as(description).contains(field);
        assertThat(fixture.rowCount()).as(description).isEqualTo(before);
    }

    @Test
    void hostileButValidTextIsStoredExactlyAsSent() {
        for (String text : HOSTILE_BUT_VALID) {
            Map<String, Object> body = message(List.of(technicianId), text, text + "\n\t" + text);
            Api.Response sent = fixture.send(pharmacist, body);
            assertThat(sent.status()).as("case %d", HOSTILE_BUT_VALID.indexOf(text)).isEqualTo(201);
            UUID id = UUID.fromString(sent.data().path("id").asString());
            Api.Response read = fixture.get(pharmacist, id);
            assertThat(read.data().path("subject").asString()).as("case %d", HOSTILE_BUT_VALID.indexOf(text)).isEqualTo(text);
            assertThat(read.data().path("body").asString()).isEqualTo(text + "\n\t" + text);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 7L, 42L, 2026L, 31337L})
    void generatedHostileCreatesAreRefusedWithoutServerErrorsOrWrites(long seed) {
        HostileInput generator = new HostileInput(new Random(seed), technicianId, physicianElsewhere);
        long before = fixture.rowCount();
        for (int i = 0; i < 40; i++) {
            Object body = generator.invalidCreate();
            Api.Response response = fixture.send(pharmacist, body);
            assertThat(response.status()).as("seed %d case %d", seed, i).isBetween(400, 499);
            assertThat(response.json().path("success").asBoolean(true)).as("seed %d case %d envelope", seed, i).isFalse();
        }
        assertThat(fixture.rowCount()).as("seed %d wrote rows", seed).isEqualTo(before);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3L, 99L, 4096L})
    void generatedHostileEditsAreRefusedWithoutServerErrorsOrChanges(long seed) {
        UUID id = fixture.sent(pharmacist, message(technicianId));
        String before = snapshot(id);
        HostileInput generator = new HostileInput(new Random(seed), technicianId, physicianElsewhere);
        for (int i = 0; i < 40; i++) {
            Api.Request request = api.put("/api/communications/" + id, generator.invalidUpdate()).token(pharmacist);
            if (i % 5 == 0) {
                request.header("If-Match", generator.headerText(20));
            }
            Api.Response response = request.send();
            assertThat(response.status()).as("seed %d case %d", seed, i).isBetween(400, 499);
        }
        assertThat(snapshot(id)).as("seed %d changed the row", seed).isEqualTo(before);
    }

    @Test
    void malformedAndMistypedBodiesAreRefused() {
        long before = fixture.rowCount();
        for (String raw : List.of("", "{", "[]", "\"text\"", "42", "{\"recipientIds\": \"" + technicianId + "\"}", "{\"subject\": {}}")) {
            Api.Response response = fixture.send(pharmacist, raw);
            assertThat(response.status()).as(raw).isEqualTo(400);
        }
        assertThat(api.post("/api/communications", message(technicianId)).token(pharmacist).contentType("text/plain").send().status())
                .isEqualTo(415);
        assertThat(fixture.rowCount()).isEqualTo(before);
    }

    @Test
    void unpairedSurrogatesAreRefusedAsText() {
        long before = fixture.rowCount();
        String raw = "{\"recipientIds\":[\"" + technicianId + "\"],\"channel\":\"sms\",\"subject\":\"a\\udbff\",\"body\":\"b\\udc00c\"}";

        Api.Response response = fixture.send(pharmacist, raw);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").path("details").findValuesAsString("field")).containsExactlyInAnyOrder("subject", "body");
        assertThat(fixture.rowCount()).isEqualTo(before);
    }

    private String snapshot(UUID id) {
        return fixture.db.sql("select md5(subject || body || channel || version::text) from communications where id = ?").param(id)
                .query(String.class).single();
    }

    /** Seeded generator of request bodies that each carry at least one defect, dressed in hostile text. */
    static final class HostileInput {

        private static final char LONE_SURROGATE = '\uDBFF';

        private final Random random;
        private final UUID validRecipient;
        private final UUID foreignRecipient;

        HostileInput(Random random, UUID validRecipient, UUID foreignRecipient) {
            this.random = random;
            this.validRecipient = validRecipient;
            this.foreignRecipient = foreignRecipient;
        }

        Object invalidCreate() {
            Map<String, Object> body = message(List.of(validRecipient), validText(1, 200, false), validText(1, 2000, true));
            if (random.nextBoolean()) {
                body.put("patientId", UUID.randomUUID().toString());
            }
            int defects = 1 + random.nextInt(3);
            for (int d = 0; d < defects; d++) {
                createDefect(body);
            }
            return encoded(body);
        }

        Object invalidUpdate() {
            Map<String, Object> body = new HashMap<>();
            if (random.nextBoolean()) body.put("subject", validText(1, 200, false));
            if (random.nextBoolean()) body.put("body", validText(1, 2000, true));
            updateDefect(body);
            return encoded(body);
        }

        private void createDefect(Map<String, Object> body) {
            switch (random.nextInt(14)) {
                case 0 -> body.put("recipientIds", List.of());
                case 1 -> body.put("recipientIds", List.of(UUID.randomUUID().toString()));
                case 2 -> body.put("recipientIds", List.of(hostileText(40)));
                case 3 -> body.remove("recipientIds");
                case 4 -> body.put("recipientIds", IntStream.range(0, 51).mapToObj(i -> validRecipient.toString()).toList());
                case 5 -> body.put("recipientIds", List.of(foreignRecipient.toString()));
                case 6 -> body.put("channel", "x" + hostileText(15));
                case 7 -> body.put("subject", validText(201, 3000, false));
                case 8 -> body.put("subject", withControl(validText(0, 100, false)));
                case 9 -> body.put("body", validText(10_001, 40_000, true));
                case 10 -> body.put("body", withControl(validText(0, 500, true)).replace('\n', '\u0000'));
                case 11 -> body.put("x_" + Integer.toHexString(random.nextInt()), hostileText(30));
                case 12 -> body.put(random.nextBoolean() ? "subject" : "channel", random.nextBoolean() ? random.nextInt() : List.of(1, 2));
                default -> body.put(random.nextBoolean() ? "patientId" : "prescriptionId", hostileText(36));
            }
        }

        private void updateDefect(Map<String, Object> body) {
            switch (random.nextInt(9)) {
                case 0 -> body.put("subject", validText(201, 3000, false));
                case 1 -> body.put("subject", withControl(validText(0, 100, false)));
                case 2 -> body.put("body", validText(10_001, 40_000, true));
                case 3 -> body.put("body", " \n\t ");
                case 4 -> body.put("channel", "x" + hostileText(15));
                case 5 -> body.put("recipientIds", List.of(validRecipient.toString()));
                case 6 -> body.put("x_" + Integer.toHexString(random.nextInt()), hostileText(30));
                case 7 -> body.put("subject", random.nextBoolean() ? random.nextDouble() : Map.of("a", 1));
                default -> body.clear();
            }
        }

        /** Printable, storable text of the given length range: hostile samples, random letters and astral symbols. */
        String validText(int min, int max, boolean multiline) {
            int length = min + random.nextInt(max - min + 1);
            StringBuilder text = new StringBuilder();
            while (text.length() < length) {
                int pick = random.nextInt(4);
                if (pick == 0) {
                    text.append(HOSTILE_BUT_VALID.get(random.nextInt(HOSTILE_BUT_VALID.size())));
                } else if (pick == 1) {
                    text.appendCodePoint(0x1F300 + random.nextInt(0x200));
                } else if (pick == 2 && multiline) {
                    text.append(random.nextBoolean() ? '\n' : '\t');
                } else {
                    text.append((char) (0x20 + random.nextInt(0x5F)));
                }
            }
            String result = text.length() > length ? text.substring(0, length) : text.toString();
            // Cutting may split a surrogate pair; drop a dangling high surrogate so the text stays valid.
            if (!result.isEmpty() && Character.isHighSurrogate(result.charAt(result.length() - 1))) {
                result = result.substring(0, result.length() - 1) + "x";
            }
            return result.isBlank() ? "x" + result : result;
        }

        String hostileText(int max) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(max);
            for (int i = 0; i < length; i++) {
                text.append((char) random.nextInt(0xFFFF));
            }
            return text.toString();
        }

        /** Inserts a control character, or ends the text with an unpaired high surrogate. */
        private String withControl(String text) {
            char[] controls = {'\u0000', '\u0001', '\u0007', '\u001B', '\u007F', '\u000B'};
            if (random.nextInt(controls.length + 1) == controls.length) {
                return text + LONE_SURROGATE;
            }
            int at = text.isEmpty() ? 0 : random.nextInt(text.length());
            return text.substring(0, at) + controls[random.nextInt(controls.length)] + text.substring(at);
        }

        /** Printable ASCII only: HTTP header values may hold nothing else. */
        String headerText(int max) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(max);
            for (int i = 0; i < length; i++) {
                text.append((char) (0x21 + random.nextInt(0x5E)));
            }
            return text.toString();
        }

        /**
         * The JSON text, sometimes cut short. An unpaired surrogate cannot travel as UTF-8 (it would arrive as '?'),
         * so it is sent as a JSON escape. U+DBFF is the lead of plane 16, which no generated text uses.
         */
        private String encoded(Map<String, Object> body) {
            String json = Api.json(body).replace(String.valueOf(LONE_SURROGATE), "\\udbff");
            return random.nextInt(10) == 0 ? truncated(json) : json;
        }

        private String truncated(String json) {
            return json.substring(0, random.nextInt(Math.max(1, json.length() - 1)));
        }
    }
}
