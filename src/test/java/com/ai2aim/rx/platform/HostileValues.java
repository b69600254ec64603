package com.ai2aim.rx.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Hostile JSON values and strings drawn from one seeded {@link Random}, and a JSON writer that keeps them intact. */
final class HostileValues {

    /** A JSON fragment written as is (malformed numbers, deep nesting). */
    record Raw(String json) {}

    private static final List<String> INJECTION = List.of("' OR '1'='1", "'; DROP TABLE users; --", "\"; DROP TABLE organizations; --",
            "1; UPDATE users SET role='admin'", "admin'--", "' UNION SELECT password_hash FROM user_credentials --",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg/onload=alert(1)>", "${jndi:ldap://127.0.0.1/a}",
            "{{7*7}}", "#{7*7}", "../../../../etc/passwd", "%00", "%27%20OR%201%3D1", "{\"$gt\": \"\"}", "`id`", "; ls -la",
            "<!--#exec cmd=\"id\"-->", "]]><!ENTITY x SYSTEM \"file:///etc/passwd\">", "\\", "\\\"", "'", "\"", "--", "/*", "*/");
    private static final List<String> UNICODE = List.of("\u0000", "a\u0000b", "\u0007\u0008\u001b[31mred", "\u202Eevil\u202C",
            "\u200B\u200C\u200D\uFEFF", "😀💊🧪", "\uD800", "\uDFFF", "x\uD83D", "e\u0301\u0301\u0301", "\uFFFE\uFFFF", "ＡＤＭＩＮ",
            "Ω≈ç√∫", "\r\nX-Injected: 1", "\u2028\u2029", "𝕬𝖉𝖒𝖎𝖓", "ﷺ", "\t", "   ", "null", "undefined", "NaN", "0", "-1");

    private final Random random;

    HostileValues(Random random) {
        this.random = random;
    }

    Object randomJson(int depth) {
        int choice = random.nextInt(depth <= 0 ? 7 : 9);
        return switch (choice) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextLong();
            case 3 -> random.nextDouble() * 1e12;
            case 4 -> pick(List.of(new Raw("1e400"), new Raw("-0"), new Raw("123456789012345678901234567890")));
            case 5, 6 -> hostileString();
            case 7 -> {
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < random.nextInt(4); i++) list.add(randomJson(depth - 1));
                yield list;
            }
            default -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (int i = 0; i < random.nextInt(4); i++) object.put(hostileString(), randomJson(depth - 1));
                yield object;
            }
        };
    }

    String hostileString() {
        return switch (random.nextInt(4)) {
            case 0 -> pick(INJECTION);
            case 1 -> pick(UNICODE);
            case 2 -> randomString(1 + random.nextInt(40));
            default -> pick(INJECTION) + pick(UNICODE) + randomString(random.nextInt(10));
        };
    }

    String randomString(int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            int cp = switch (random.nextInt(4)) {
                case 0 -> 0x20 + random.nextInt(0x5f);
                case 1 -> random.nextInt(0x20);
                case 2 -> 0x1F300 + random.nextInt(0x300);
                default -> {
                    int c = 0xA0 + random.nextInt(0xFFFD - 0xA0);
                    yield Character.isSurrogate((char) c) ? 0x4E00 : c;
                }
            };
            s.appendCodePoint(cp);
        }
        return s.toString();
    }

    String hugeString(int length) {
        String unit = random.nextBoolean() ? "A" : pick(INJECTION);
        return unit.repeat(length / unit.length() + 1).substring(0, length);
    }

    /** A well-formed UUID that names nothing, drawn from the seeded generator. */
    UUID randomUuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }

    /** Percent-encodes everything but unreserved characters, so any string can stand in a path segment. */
    static String encode(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 0x80 || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Serialises to JSON by hand so that raw fragments, lone surrogates and odd numbers survive as intended. */
    byte[] write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, random.nextBoolean());
        return bytes(out.toString());
    }

    private static void write(StringBuilder out, Object value, boolean escapeNonAscii) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof String s) {
            quote(out, s, escapeNonAscii);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : m.entrySet()) {
                if (!first) out.append(',');
                first = false;
                quote(out, String.valueOf(entry.getKey()), escapeNonAscii);
                out.append(':');
                write(out, entry.getValue(), escapeNonAscii);
            }
            out.append('}');
        } else if (value instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) out.append(',');
                write(out, l.get(i), escapeNonAscii);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException(value.getClass().getName());
        }
    }

    private static void quote(StringBuilder out, String s, boolean escapeNonAscii) {
        out.append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || escapeNonAscii && c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
