package com.ai2aim.rx.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A thin HTTP client for tests: real requests against the running service, JSON bodies parsed for assertions. */
public final class Api {

    public record Response(int status, Map<String, String> headers, String raw, JsonNode json) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public JsonNode data() {
            return json.path("data");
        }

        public String errorCode() {
            return json.path("error").path("code").asString();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public String base() {
        return base;
    }

    public Request get(String path) {
        return new Request("GET", path, null);
    }

    public Request delete(String path) {
        return new Request("DELETE", path, null);
    }

    public Request post(String path, Object body) {
        return new Request("POST", path, body);
    }

    public Request put(String path, Object body) {
        return new Request("PUT", path, body);
    }

    /** Any method, with or without a body (a {@code byte[]} is sent as is). */
    public Request request(String method, String path, Object body) {
        return new Request(method, path, body);
    }

    public static String json(Object value) {
        return value instanceof String s ? s : JSON.writeValueAsString(value);
    }

    public final class Request {
        private final String method;
        private final String path;
        private final Object body;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String contentType = "application/json";

        Request(String method, String path, Object body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }

        public Request token(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request contentType(String type) {
            this.contentType = type;
            return this;
        }

        public Response send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : body instanceof byte[] bytes ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                    : HttpRequest.BodyPublishers.ofString(json(body));
            if (body != null && contentType != null) {
                builder.header("Content-Type", contentType);
            }
            headers.forEach(builder::header);
            builder.method(method, publisher);
            try {
                HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                Map<String, String> responseHeaders = new LinkedHashMap<>();
                response.headers().map().forEach((k, v) -> responseHeaders.put(k.toLowerCase(), String.join(",", v)));
                JsonNode parsed = null;
                String raw = response.body();
                if (raw != null && (raw.startsWith("{") || raw.startsWith("["))) {
                    parsed = JSON.readTree(raw);
                }
                return new Response(response.statusCode(), responseHeaders, raw, parsed == null ? JSON.missingNode() : parsed);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
