package com.ai2aim.rx.platform;

import static com.ai2aim.rx.platform.HostileValues.bytes;
import static com.ai2aim.rx.platform.HostileValues.map;

import com.ai2aim.rx.platform.HostileValues.Raw;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A seeded generator of hostile requests against the write endpoints and list endpoints. The same seed and targets
 * give the same requests in the same order, so a failing case is reproduced by its index.
 *
 * <p>Every body is either guaranteed invalid (a "poison": a wrong type, an unknown field, a violated constraint,
 * broken syntax, non-JSON bytes) or a valid body sent in a way that must be refused (wrong content type, bad id in
 * the path, stale If-Match, caller without the right). Only list queries and the no-op updates ({@code {}}, all
 * nulls) may succeed, and even those must not change a row.
 */
final class HostileRequests {

    enum Caller { ANONYMOUS, ADMIN, PHARMACIST, PATIENT }

    enum Kind { TEXT, EMAIL, PHONE, PASSWORD, UUID, BOOLEAN, ANY_MAP, TEXT_MAP, ROLE, ORG_KIND, NPI, DEA, APP_METADATA }

    record Field(String name, Kind kind) {}

    record Targets(UUID user, UUID org, UUID admin) {}

    /** {@code expectedCode}: the error code the case must get, where one is certain; null when any 4xx will do. */
    record Case(int index, String label, String method, String path, Caller caller, String contentType, byte[] body,
                Map<String, String> headers, boolean mustBeRejected, String expectedCode) {
        @Override
        public String toString() {
            String shortPath = path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");
            String text = "#" + index + " " + method + " " + shortPath.substring(0, Math.min(shortPath.length(), 80)) + " " + label;
            return text.replaceAll("[^\\x20-\\x7e]", "?");
        }
    }

    private record Endpoint(String method, String path, List<Field> fields, Supplier<Map<String, Object>> valid, boolean noOpAllowed) {
        boolean hasId() {
            return path.contains("%s");
        }
    }

    static final String JSON = "application/json";

    private static final List<String> UNKNOWN_NAMES = List.of("role", "is_admin", "isAdmin", "__proto__", "constructor",
            "password_hash", "version", "id", "createdAt", "org_id", "app_metadata", "$where", "rx_role", "is_global_admin",
            "deactivated_at", "FULLNAME", "", " ", "a.b", "x[0]", "\u0000", "😀", "<b>", "'", "na\u200Bme");
    private static final List<String> BAD_IDS = List.of("not-a-uuid", "1", "0", "-1", "null", "undefined", "true",
            "' OR 1=1 --", "<script>", "%00", "..", "../users", "x/../../etc/passwd", "00000000-0000-0000-0000-00000000000g",
            "00000000-0000-0000-0000-0000000000000", "00000000000000000000000000000000", "{id}", "$id", "😀", "\u0000",
            "a b", "12345678-1234-1234-1234-123456789012;drop", "%2e%2e", "ffffffff-ffff-ffff-ffff-ffffffffffffff");
    private static final List<String> WRONG_CONTENT_TYPES = java.util.Arrays.asList("text/plain", "text/html", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=----hostile", "multipart/form-data",
            "application/octet-stream", "image/png", "not a media type", "application/json; charset=bogus-charset",
            "text/json-but-not", ";;;", null);

    private final Random random;
    private final HostileValues values;
    private final Targets targets;
    private final List<Case> cases = new ArrayList<>();

    private HostileRequests(long seed, Targets targets) {
        this.random = new Random(seed);
        this.values = new HostileValues(random);
        this.targets = targets;
    }

    static List<Case> generate(long seed, Targets targets) {
        HostileRequests generator = new HostileRequests(seed, targets);
        generator.all();
        return List.copyOf(generator.cases);
    }

    private void all() {
        for (Endpoint endpoint : jsonEndpoints()) {
            jsonBodies(endpoint);
        }
        deactivations();
        listQueries();
    }

    private List<Endpoint> jsonEndpoints() {
        String org = targets.org().toString();
        return List.of(
                new Endpoint("POST", "/auth/v1/token?grant_type=password", List.of(new Field("email", Kind.TEXT),
                        new Field("password", Kind.TEXT), new Field("phone", Kind.TEXT), new Field("refresh_token", Kind.TEXT),
                        new Field("gotrue_meta_security", Kind.ANY_MAP)),
                        () -> map("email", "nobody-" + random.nextInt(1_000_000) + "@hostile.test", "password", "Not-The-Password-1"), false),
                new Endpoint("POST", "/auth/v1/admin/users", List.of(new Field("email", Kind.EMAIL), new Field("password", Kind.PASSWORD),
                        new Field("phone", Kind.PHONE), new Field("email_confirm", Kind.BOOLEAN), new Field("user_metadata", Kind.ANY_MAP),
                        new Field("app_metadata", Kind.APP_METADATA)),
                        () -> map("email", "hostile-" + random.nextInt(1_000_000) + "@test.rx", "password", "Valid-Password-2026",
                                "user_metadata", map("full_name", "Hostile"), "app_metadata", map("rx_role", "pharmacist", "org_id", org)), false),
                new Endpoint("PUT", "/api/users/%s", List.of(new Field("fullName", Kind.TEXT), new Field("phone", Kind.PHONE),
                        new Field("email", Kind.EMAIL), new Field("isActive", Kind.BOOLEAN), new Field("userMetadata", Kind.ANY_MAP),
                        new Field("npi", Kind.NPI), new Field("deaNumber", Kind.DEA)),
                        () -> map("fullName", "Renamed By Hostile Test", "phone", "+15551234567"), true),
                new Endpoint("PUT", "/api/users/%s/role", List.of(new Field("role", Kind.ROLE), new Field("orgId", Kind.UUID)),
                        () -> map("role", "technician", "orgId", org), false),
                new Endpoint("POST", "/api/organizations", List.of(new Field("name", Kind.TEXT), new Field("kind", Kind.ORG_KIND),
                        new Field("npi", Kind.NPI), new Field("phone", Kind.PHONE), new Field("email", Kind.EMAIL),
                        new Field("address", Kind.TEXT_MAP)),
                        () -> map("name", "Hostile Pharmacy", "kind", "pharmacy", "npi", "1234567893"), false),
                new Endpoint("PUT", "/api/organizations/%s", List.of(new Field("name", Kind.TEXT), new Field("npi", Kind.NPI),
                        new Field("phone", Kind.PHONE), new Field("email", Kind.EMAIL), new Field("address", Kind.TEXT_MAP),
                        new Field("isActive", Kind.BOOLEAN)),
                        () -> map("name", "Renamed Org"), true));
    }

    private String target(Endpoint e) {
        if (!e.hasId()) {
            return e.path();
        }
        return String.format(e.path(), e.path().startsWith("/api/organizations") ? targets.org() : targets.user());
    }

    private void jsonBodies(Endpoint e) {
        for (int i = 0; i < 4; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            e.fields().forEach(f -> body.put(f.name(), wrongType(f.kind())));
            json(e, "wrong type in every field", body);
        }
        for (int i = 0; i < 6; i++) {
            Map<String, Object> body = hostileFill(e);
            Field f = values.pick(e.fields());
            body.put(f.name(), wrongType(f.kind()));
            json(e, "wrong type for " + f.name(), body);
        }
        for (int i = 0; i < 6; i++) {
            Map<String, Object> body = hostileFill(e);
            Field f = values.pick(e.fields().stream().filter(x -> x.kind() != Kind.BOOLEAN).toList());
            body.put(f.name(), violation(e, f.kind()));
            json(e, "constraint violated by " + f.name(), body);
        }
        for (int i = 0; i < 5; i++) {
            json(e, "unknown field", withUnknownField(e, random.nextBoolean() ? e.valid().get() : hostileFill(e)));
        }
        for (int i = 0; i < 4; i++) {
            Map<String, Object> body = e.valid().get();
            e.fields().forEach(f -> { if (random.nextBoolean()) body.put(f.name(), null); });
            poison(e, body);
            json(e, "nulls and one poison", body);
        }
        Map<String, Object> allNull = new LinkedHashMap<>();
        e.fields().forEach(f -> allNull.put(f.name(), null));
        add(e, "every field null", JSON, values.write(allNull), Map.of(), Caller.ADMIN, !e.noOpAllowed());
        add(e, "empty object", JSON, bytes("{}"), Map.of(), Caller.ADMIN, !e.noOpAllowed());
        blanks(e);
        deepNesting(e);
        hugeStrings(e);
        malformed(e);
        for (String empty : List.of("", " ", "\r\n\t", "null", "[]", "\"\"", "0", "true", "\"{}\"", "[{}]")) {
            add(e, "empty or scalar body '" + empty.strip() + "'", JSON, bytes(empty), Map.of(), Caller.ADMIN, true);
        }
        nonJson(e);
        for (String type : WRONG_CONTENT_TYPES) {
            add(e, "valid body as " + type, type, values.write(e.valid().get()), Map.of(), Caller.ADMIN, true);
        }
        add(e, "broken form encoding", "application/x-www-form-urlencoded", bytes("a=%zz&%=1&b=%E0%A4%A&c"), Map.of(), Caller.ADMIN, true);
        hostileHeaders(e);
        callersWithoutTheRight(e);
        if (e.hasId()) {
            for (int i = 0; i < 6; i++) {
                String id = i == 0 ? values.randomUuid().toString() : values.pick(BAD_IDS);
                addAt(e.method(), String.format(e.path(), HostileValues.encode(id)), "valid body, bad id '" + id + "'", JSON,
                        values.write(e.valid().get()), Map.of(), Caller.ADMIN);
            }
        }
    }

    private void json(Endpoint e, String label, Map<String, Object> body) {
        add(e, label, JSON, values.write(body), Map.of(), Caller.ADMIN, true);
    }

    private void add(Endpoint e, String label, String type, byte[] body, Map<String, String> headers, Caller caller, boolean mustBeRejected) {
        Caller who = e.path().startsWith("/auth/v1/token") ? Caller.ANONYMOUS : caller;
        cases.add(new Case(cases.size(), label, e.method(), target(e), who, type, body, headers, mustBeRejected, null));
    }

    private void addAt(String method, String path, String label, String type, byte[] body, Map<String, String> headers, Caller caller) {
        cases.add(new Case(cases.size(), label, method, path, caller, type, body, headers, true, null));
    }

    /** The valid body with hostile but well-typed values in some fields (they may or may not pass validation). */
    private Map<String, Object> hostileFill(Endpoint e) {
        Map<String, Object> body = e.valid().get();
        for (Field f : e.fields()) {
            if (random.nextInt(3) != 0) {
                continue;
            }
            switch (f.kind()) {
                case BOOLEAN -> body.put(f.name(), random.nextBoolean());
                case UUID, APP_METADATA -> { }
                case ANY_MAP -> body.put(f.name(), map(values.hostileString(), values.randomJson(3), values.hostileString(), values.hostileString()));
                case TEXT_MAP -> body.put(f.name(), map(values.hostileString(), values.hostileString()));
                default -> body.put(f.name(), values.hostileString());
            }
        }
        return body;
    }

    private void poison(Endpoint e, Map<String, Object> body) {
        Field f = values.pick(e.fields().stream().filter(x -> x.kind() != Kind.BOOLEAN).toList());
        body.put(f.name(), random.nextBoolean() ? wrongType(f.kind()) : violation(e, f.kind()));
    }

    private Map<String, Object> withUnknownField(Endpoint e, Map<String, Object> body) {
        String name;
        do {
            name = random.nextInt(4) == 0 ? values.randomString(1 + random.nextInt(30)) : values.pick(UNKNOWN_NAMES);
        } while (isField(e, name));
        Map<String, Object> result = new LinkedHashMap<>();
        boolean first = random.nextBoolean();
        if (first) result.put(name, values.randomJson(2));
        result.putAll(body);
        if (!first) result.put(name, values.randomJson(2));
        return result;
    }

    private static boolean isField(Endpoint e, String name) {
        String normalised = name.replace("_", "").toLowerCase();
        return e.fields().stream().anyMatch(f -> f.name().replace("_", "").equalsIgnoreCase(normalised));
    }

    private Object wrongType(Kind kind) {
        List<Object> options = switch (kind) {
            case BOOLEAN -> List.of("true", "false", 1, 0, "yes", List.of(), Map.of(), 1.5);
            case UUID -> List.of(123, true, "not-a-uuid", "12345", List.of(targets.org().toString()), Map.of("id", 1),
                    "g0000000-0000-0000-0000-000000000000", 1.5);
            case ANY_MAP, TEXT_MAP -> List.of("not a map", 42, true, List.of(1, 2, 3), new Raw("1e400"));
            case APP_METADATA -> List.of("pharmacist", 1, List.of("pharmacist"), map("rx_role", 5), map("rx_role", "pharmacist", "org_id", "nope"),
                    map("rx_role", List.of("admin")));
            default -> List.of(random.nextInt(), -1, 3.14, new Raw("1e400"), new Raw("123456789012345678901234567890"), true, false,
                    List.of("a", "b"), map("value", "x"), new Raw("-0"));
        };
        return values.pick(options);
    }

    /** A value of the right JSON type that the field's rules refuse. */
    private Object violation(Endpoint e, Kind kind) {
        return switch (kind) {
            case TEXT -> values.pick(List.of("", "x".repeat(255 + random.nextInt(2_000)), values.hugeString(300)));
            case EMAIL -> values.pick(List.of("", "plainaddress", "a@@b.c", "a@b@c", "@example.com", "a b@c.d", "x".repeat(300) + "@a.b"));
            case PHONE -> values.pick(List.of("", "123", "+0123456789", "555-1234", "+1 555 123 4567", "+15551234567890123", "+1555123456７"));
            case PASSWORD -> values.pick(List.of("", "short", "x".repeat(73), "         "));
            case ROLE -> values.pick(List.of("", "superadmin", "ADMIN", "service", " admin", "admin\u0000", "pharmacist;drop"));
            case ORG_KIND -> values.pick(List.of("", "hospital", "PHARMACY", "pharmacy\n", "clinic "));
            case NPI -> values.pick(List.of("", "123", "abcdefghij", "12345678901", "１２３４５６７８９０", "123456789 ", "1234567890"));
            case DEA -> values.pick(List.of("", "AB1234567", "ab1234563", "AB123456", "ZB1234563", "AB12345634", "AB123456３"));
            case UUID -> values.randomUuid().toString(); // an organisation that does not exist
            case ANY_MAP, TEXT_MAP -> {
                Map<String, Object> big = new LinkedHashMap<>();
                for (int i = 0; i < 21 + random.nextInt(20); i++) big.put("k" + i, "v");
                yield big;
            }
            case APP_METADATA -> values.pick(List.of(map(), map("rx_role", ""), map("rx_role", "god", "org_id", targets.org().toString()),
                    map("rx_role", "pharmacist"), map("rx_role", "pharmacist", "org_id", values.randomUuid().toString())));
            case BOOLEAN -> throw new IllegalArgumentException("a boolean has no constraint to violate");
        };
    }

    /**
     * Blank values and NUL on their own, in an otherwise valid body: a blank email or name is not a value to store,
     * and PostgreSQL cannot store a NUL character in text at all.
     */
    private void blanks(Endpoint e) {
        for (Field f : e.fields()) {
            if (f.kind() == Kind.EMAIL || f.name().equals("name") || f.name().equals("fullName")) {
                for (String blank : List.of("", "   ", "\t\n", "Nul\u0000Name")) {
                    Map<String, Object> body = e.valid().get();
                    body.put(f.name(), blank);
                    String label = "blank " + f.name() + " '" + blank.replace("\t", "\\t").replace("\n", "\\n") + "'";
                    Caller caller = e.path().startsWith("/auth/v1/token") ? Caller.ANONYMOUS : Caller.ADMIN;
                    cases.add(new Case(cases.size(), label, e.method(), target(e), caller, JSON, values.write(body), Map.of(), true,
                            "VALIDATION_ERROR"));
                }
            }
        }
    }

    private void deepNesting(Endpoint e) {
        int[] depths = {64, 600, 5_000, 200_000};
        for (int depth : depths) {
            String arrays = "[".repeat(depth) + "]".repeat(depth);
            String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            Field f = values.pick(e.fields());
            Map<String, Object> body = e.valid().get();
            switch (random.nextInt(3)) {
                case 0 -> {
                    body.put(f.name(), new Raw(random.nextBoolean() ? arrays : objects));
                    if (f.kind() == Kind.ANY_MAP) poison(e, body);
                    json(e, "nesting " + depth + " deep in " + f.name(), body);
                }
                case 1 -> add(e, "top-level nesting " + depth + " deep", JSON, bytes(random.nextBoolean() ? arrays : objects),
                        Map.of(), Caller.ADMIN, true);
                default -> {
                    body.put("nested", new Raw(objects));
                    json(e, "unknown field nested " + depth + " deep", body);
                }
            }
        }
    }

    private void hugeStrings(Endpoint e) {
        int[] lengths = {255, 4_096, 100_000, 900_000};
        List<Field> textual = e.fields().stream().filter(f -> switch (f.kind()) {
            case TEXT, EMAIL, PHONE, PASSWORD, ROLE, ORG_KIND, NPI, DEA -> true;
            default -> false;
        }).toList();
        for (int length : lengths) {
            Field f = values.pick(textual);
            Map<String, Object> body = e.valid().get();
            body.put(f.name(), f.kind() == Kind.EMAIL ? "a".repeat(length / 2) + "@" + "b".repeat(length / 2) + ".com" : values.hugeString(length));
            json(e, length + "-character " + f.name(), body);
        }
    }

    private void malformed(Endpoint e) {
        List<String> mutations = List.of("truncated", "trailing comma", "single quotes", "unquoted key", "comment", "NaN value",
                "raw control character", "extra closing brace", "missing colon", "trailing garbage", "leading garbage", "two documents");
        for (String mutation : mutations) {
            String text = new String(values.write(e.valid().get()), StandardCharsets.UTF_8);
            String firstKey = e.fields().get(0).name();
            String broken = switch (mutation) {
                case "truncated" -> text.substring(0, 1 + random.nextInt(text.length() - 1));
                case "trailing comma" -> text.substring(0, text.length() - 1) + ",}";
                case "single quotes" -> text.replace('"', '\'');
                case "unquoted key" -> "{" + firstKey + ":\"x\"," + text.substring(1);
                case "comment" -> "/* hostile */" + text;
                case "NaN value" -> "{\"" + firstKey + "\":NaN," + text.substring(1);
                case "raw control character" -> "{\"" + firstKey + "\":\"a\u0001\nb\"," + text.substring(1);
                case "extra closing brace" -> text + "}";
                case "missing colon" -> "{\"" + firstKey + "\" \"x\"," + text.substring(1);
                case "trailing garbage" -> text + " <script>";
                case "leading garbage" -> ")]}'," + text;
                default -> text + text;
            };
            add(e, "malformed: " + mutation, JSON, bytes(broken), Map.of(), Caller.ADMIN, true);
        }
    }

    private void nonJson(Endpoint e) {
        byte[] randomBytes = new byte[1 + random.nextInt(4_096)];
        random.nextBytes(randomBytes);
        byte[] poisoned = values.write(withUnknownField(e, e.valid().get()));
        add(e, "random bytes", JSON, randomBytes, Map.of(), Caller.ADMIN, true);
        add(e, "invalid UTF-8", JSON, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', (byte) 0xFF, '}'}, Map.of(), Caller.ADMIN, true);
        add(e, "XML", JSON, bytes("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"),
                Map.of(), Caller.ADMIN, true);
        add(e, "gzip magic", JSON, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3}, Map.of(), Caller.ADMIN, true);
        add(e, "UTF-16 of a poisoned body", JSON, new String(poisoned, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16),
                Map.of(), Caller.ADMIN, true);
        add(e, "NUL bytes", JSON, new byte[64], Map.of(), Caller.ADMIN, true);
    }

    private void hostileHeaders(Endpoint e) {
        if (e.path().matches("/api/(users|organizations)/%s")) { // the updates that honour If-Match
            for (String ifMatch : List.of("\"0\"", "W/\"0\"", "\"99999\"", "\"1;drop\"", "\"abc\"", "\"\"", "\"-1\"", "\"1e3\"", "\"9999999999\"")) {
                add(e, "valid body, If-Match " + ifMatch, JSON, values.write(e.valid().get()), Map.of("If-Match", ifMatch), Caller.ADMIN, true);
            }
        } else if (e.method().equals("POST") && !e.path().startsWith("/auth/v1/token")) {
            for (String key : List.of("short", "has space in it", "k".repeat(129), "cl\u00e9-cl\u00e9-cl\u00e9", "key;drop table")) {
                add(e, "valid body, Idempotency-Key '" + key.substring(0, Math.min(20, key.length())) + "'", JSON,
                        values.write(e.valid().get()), Map.of("Idempotency-Key", key), Caller.ADMIN, true);
            }
        }
    }

    private void callersWithoutTheRight(Endpoint e) {
        if (e.path().startsWith("/auth/v1/token")) {
            return;
        }
        for (Caller caller : List.of(Caller.ANONYMOUS, Caller.PHARMACIST, Caller.PATIENT)) {
            add(e, "valid body from " + caller, JSON, values.write(e.valid().get()), Map.of(), caller, true);
        }
        add(e, "valid body with a forged bearer token", JSON, values.write(e.valid().get()),
                Map.of("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJyb2xlIjoiYWRtaW4ifQ."), Caller.ANONYMOUS, true);
    }

    private void deactivations() {
        for (String id : BAD_IDS) {
            addAt("DELETE", "/api/users/" + HostileValues.encode(id), "bad id '" + id + "'", null, null, Map.of(), Caller.ADMIN);
        }
        for (int i = 0; i < 3; i++) {
            addAt("DELETE", "/api/users/" + values.randomUuid(), "unknown id", null, null, Map.of(), Caller.ADMIN);
        }
        addAt("DELETE", "/api/users/00000000-0000-0000-0000-000000000000", "nil id", null, null, Map.of(), Caller.ADMIN);
        addAt("DELETE", "/api/users/" + targets.admin(), "own account", null, null, Map.of(), Caller.ADMIN);
        addAt("DELETE", "/api/users/" + targets.user().toString().toUpperCase() + "x", "target id plus a character", null, null,
                Map.of(), Caller.ADMIN);
        for (Caller caller : List.of(Caller.ANONYMOUS, Caller.PHARMACIST, Caller.PATIENT)) {
            addAt("DELETE", "/api/users/" + targets.user(), "target from " + caller, null, null, Map.of(), caller);
        }
        addAt("DELETE", "/api/users/" + targets.user(), "target with a hostile body from PATIENT", JSON,
                bytes("{\"cascade\":true,\"__proto__\":{\"isAdmin\":true}}"), Map.of(), Caller.PATIENT);
    }

    private void listQueries() {
        List<String> lists = List.of("/api/users", "/api/organizations", "/api/audit/logs");
        List<String> params = List.of("page", "limit", "sort", "role", "orgId", "active", "from", "to", "actor", "resourceId");
        for (int i = 0; i < 40; i++) {
            StringBuilder query = new StringBuilder();
            for (int j = 0; j < 1 + random.nextInt(3); j++) {
                Object value = random.nextBoolean() ? values.hostileString() : values.randomJson(1);
                String text = value instanceof String s ? s : new String(values.write(value), StandardCharsets.UTF_8);
                query.append(j == 0 ? "?" : "&").append(values.pick(params)).append('=')
                        .append(java.net.URLEncoder.encode(text, StandardCharsets.UTF_8));
            }
            String path = values.pick(lists) + query;
            cases.add(new Case(cases.size(), "hostile query", "GET", path, random.nextInt(5) == 0 ? Caller.PATIENT : Caller.ADMIN,
                    null, null, Map.of(), false, null));
        }
        for (String raw : List.of("page=%zz", "%=1", "limit=%E0%A4%A", "sort=%", "page=1&&&=&limit", "page[]=1&page[]=2",
                "page=1&page=2", "limit=1%00", "sort=email%2C-email%2C%3Bdrop")) {
            for (String list : lists) {
                cases.add(new Case(cases.size(), "raw query " + raw, "GET", list + "?" + raw, Caller.ADMIN, null, null, Map.of(), false, null));
            }
        }
    }


}
