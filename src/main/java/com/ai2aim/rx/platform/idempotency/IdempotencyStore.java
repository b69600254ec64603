package com.ai2aim.rx.platform.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Idempotency keys and the responses they produced, scoped to the user who sent them. */
@Component
public class IdempotencyStore {

    record Request(UUID userId, String key, String method, String path, byte[] body) {
        byte[] hash() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update((method + " " + path + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return sha.digest(body);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    record StoredResponse(byte[] requestHash, int status, byte[] body, String contentType, String location) {
        boolean matches(Request request) {
            return Arrays.equals(requestHash, request.hash());
        }
    }

    private final JdbcClient jdbc;

    IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for this request, or returns what an earlier request with the key produced. A concurrent
     * holder of the key makes this wait until it commits.
     */
    Optional<StoredResponse> claim(Request request) {
        int inserted = jdbc.sql("""
                insert into idempotency_keys (user_id, key, method, path, request_hash)
                values (:user, :key, :method, :path, :hash)
                on conflict (user_id, key) do nothing""")
                .param("user", request.userId()).param("key", request.key()).param("method", request.method())
                .param("path", request.path()).param("hash", request.hash())
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select request_hash, status, response_body, content_type, location
                from idempotency_keys where user_id = :user and key = :key""")
                .param("user", request.userId()).param("key", request.key())
                .query((rs, n) -> new StoredResponse(rs.getBytes(1), rs.getInt(2), rs.getBytes(3), rs.getString(4), rs.getString(5)))
                .optional();
    }

    void complete(Request request, int status, byte[] body, String contentType, String location) {
        jdbc.sql("""
                update idempotency_keys set status = :status, response_body = :body, content_type = :type, location = :location
                where user_id = :user and key = :key""")
                .param("status", status).param("body", body).param("type", contentType).param("location", location)
                .param("user", request.userId()).param("key", request.key())
                .update();
    }
}
