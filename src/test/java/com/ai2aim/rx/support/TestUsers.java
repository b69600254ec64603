package com.ai2aim.rx.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Signs in the seeded users (and makes new ones) through the real token endpoint, caching tokens per test class. */
public final class TestUsers {

    public static final String DEMO_PASSWORD = "Demo-Password-2026";
    public static final String ADMIN = "admin@demo.rx";
    public static final String PHARMACIST = "pharmacist@demo.rx";
    public static final String TECHNICIAN = "technician@demo.rx";
    public static final String PHYSICIAN = "physician@demo.rx";
    public static final String PATIENT = "patient@demo.rx";

    private final Api api;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public TestUsers(Api api) {
        this.api = api;
    }

    public String token(String email) {
        return tokens.computeIfAbsent(email, e -> signIn(e, DEMO_PASSWORD).json().path("access_token").asString());
    }

    public Api.Response signIn(String email, String password) {
        return api.post("/auth/v1/token?grant_type=password", Map.of("email", email, "password", password)).send();
    }

    public UUID id(String email) {
        Api.Response me = api.get("/auth/v1/user").token(token(email)).send();
        assertThat(me.status()).isEqualTo(200);
        return UUID.fromString(me.json().path("id").asString());
    }

    public UUID orgOf(String email) {
        Api.Response me = api.get("/auth/v1/user").token(token(email)).send();
        return UUID.fromString(me.json().path("app_metadata").path("org_id").asString());
    }

    /** Creates a user through the admin API and returns its id. */
    public UUID create(String role, UUID org, String password) {
        String email = role + "-" + UUID.randomUUID() + "@test.rx";
        Map<String, Object> app = new java.util.HashMap<>();
        app.put("rx_role", role);
        app.put("org_id", org == null ? null : org.toString());
        Api.Response created = api.post("/auth/v1/admin/users", Map.of("email", email, "password", password,
                "user_metadata", Map.of("full_name", "Test " + role), "app_metadata", app)).token(token(ADMIN)).send();
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        lastEmail = email;
        return UUID.fromString(created.json().path("id").asString());
    }

    private volatile String lastEmail;

    public String lastCreatedEmail() {
        return lastEmail;
    }
}
