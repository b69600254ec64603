package com.ai2aim.rx.documents;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A multipart/form-data body built by hand, so tests can send exactly the parts they mean (or broken ones). */
final class Multipart {

    final String boundary = "rx-" + UUID.randomUUID();
    private final Map<String, Object> parts = new LinkedHashMap<>();

    Multipart file(String name, String fileName, String contentType, byte[] content) {
        parts.put(name, new Object[] {fileName, contentType, content});
        return this;
    }

    Multipart field(String name, String value) {
        parts.put(name, value);
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    byte[] body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach((name, value) -> {
            write(out, "--" + boundary + "\r\n");
            if (value instanceof Object[] file) {
                write(out, "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + file[0] + "\"\r\n");
                write(out, "Content-Type: " + file[1] + "\r\n\r\n");
                out.writeBytes((byte[]) file[2]);
                write(out, "\r\n");
            } else {
                write(out, "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            }
        });
        write(out, "--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
