package com.ai2aim.rx.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class SignInIntegrationTests {

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;
    @Autowired com.ai2aim.rx.platform.security.TokenSigner signer;

    Api api;
    TestUsers users;
    JdbcClient db;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        db = JdbcClient.create(owner);
    }

    @Test
    void passwordGrantReturnsGoTrueSessionWithSupabaseClaims() {
        Api.Response response = users.signIn(TestUsers.PHARMACIST, TestUsers.DEMO_PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("token_type").asString()).isEqualTo("bearer");
        assertThat(body.path("expires_in").asLong()).isEqualTo(3600);
        assertThat(body.path("expires_at").asLong()).isGreaterThan(System.currentTimeMillis() / 1000);
        assertThat(body.path("refresh_token").asString()).hasSizeGreaterThan(30);
        assertThat(body.path("user").path("email").asString()).isEqualTo(TestUsers.PHARMACIST);

        JsonNode claims = claims(body.path("access_token").asString());
        assertThat(claims.path("role").asString()).isEqualTo("authenticated");
        assertThat(claims.path("aud").asString()).isEqualTo("authenticated");
        assertThat(claims.path("email").asString()).isEqualTo(TestUsers.PHARMACIST);
        assertThat(claims.path("app_metadata").path("rx_role").asString()).isEqualTo("pharmacist");
        assertThat(UUID.fromString(claims.path("app_metadata").path("org_id").asString())).isNotNull();
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(3600);
        assertThat(UUID.fromString(claims.path("sub").asString())).isEqualTo(UUID.fromString(body.path("user").path("id").asString()));
    }

    @Test
    void signInRecordsLastLoginAndEveryAttemptWithIp() {
        UUID id = users.create("technician", users.orgOf(TestUsers.PHARMACIST), "Correct-Horse-1");
        String email = users.lastCreatedEmail();

        assertThat(users.signIn(email, "wrong-password").status()).isEqualTo(400);
        assertThat(users.signIn(email, "Correct-Horse-1").status()).isEqualTo(200);

        var attempts = db.sql("select succeeded, reason, ip from sign_in_attempts where user_id = ? order by id").param(id)
                .query((rs, n) -> rs.getBoolean(1) + "/" + rs.getString(2) + "/" + rs.getString(3)).list();
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0)).startsWith("false/bad_password/");
        assertThat(attempts.get(1)).startsWith("true/ok/");
        assertThat(attempts.get(1)).endsWith("127.0.0.1");
        assertThat(db.sql("select last_login is not null from users where id = ?").param(id).query(Boolean.class).single()).isTrue();
    }

    @Test
    void unknownEmailAndWrongPasswordAreIndistinguishable() {
        Api.Response unknown = users.signIn("nobody-" + UUID.randomUUID() + "@test.rx", "whatever-password");
        Api.Response wrong = users.signIn(TestUsers.PHYSICIAN, "whatever-password");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(unknown.errorCode()).isEqualTo("INVALID_CREDENTIALS").isEqualTo(wrong.errorCode());
        assertThat(unknown.json().path("error").path("message").asString())
                .isEqualTo(wrong.json().path("error").path("message").asString());
        // GoTrue's own error fields, which supabase-js reads into error.code and error.message.
        assertThat(wrong.json().path("error_code").asString()).isEqualTo("invalid_credentials");
        assertThat(wrong.json().path("msg").asString()).isEqualTo("Invalid login credentials");
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() {
        UUID id = users.create("technician", users.orgOf(TestUsers.PHARMACIST), "Right-Password-9");
        String email = users.lastCreatedEmail();
        for (int i = 0; i < 4; i++) {
            assertThat(users.signIn(email, "bad-" + i).errorCode()).isEqualTo("INVALID_CREDENTIALS");
        }
        Api.Response fifth = users.signIn(email, "bad-5");
        assertThat(fifth.errorCode()).isEqualTo("ACCOUNT_LOCKED");

        Api.Response right = users.signIn(email, "Right-Password-9");
        assertThat(right.status()).isEqualTo(429);
        assertThat(right.errorCode()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(right.json().has("access_token")).isFalse();

        // After the lock expires, the right password works again.
        db.sql("update user_credentials set locked_until = now() - interval '1 second' where user_id = ?").param(id).update();
        assertThat(users.signIn(email, "Right-Password-9").status()).isEqualTo(200);
    }

    @Test
    void refreshRotatesAndReuseRevokesTheWholeFamily() {
        Api.Response first = users.signIn(TestUsers.PATIENT, TestUsers.DEMO_PASSWORD);
        String refresh1 = first.json().path("refresh_token").asString();

        Api.Response second = refresh(refresh1);
        assertThat(second.status()).isEqualTo(200);
        String refresh2 = second.json().path("refresh_token").asString();
        String access2 = second.json().path("access_token").asString();
        assertThat(refresh2).isNotEqualTo(refresh1);
        assertThat(api.get("/auth/v1/user").token(access2).send().status()).isEqualTo(200);

        Api.Response replay = refresh(refresh1);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.errorCode()).isEqualTo("INVALID_GRANT");

        // The reuse ended the session: the newest refresh token and the access token of that family stop working.
        assertThat(refresh(refresh2).errorCode()).isEqualTo("INVALID_GRANT");
        assertThat(api.get("/auth/v1/user").token(access2).send().status()).isEqualTo(401);
    }

    @Test
    void logoutEndsTheSessionImmediately() {
        String access = users.signIn(TestUsers.TECHNICIAN, TestUsers.DEMO_PASSWORD).json().path("access_token").asString();
        assertThat(api.get("/auth/v1/user").token(access).send().status()).isEqualTo(200);

        assertThat(api.post("/auth/v1/logout?scope=local", null).token(access).send().status()).isEqualTo(204);

        Api.Response after = api.get("/auth/v1/user").token(access).send();
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.errorCode()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void rejectsForgedExpiredAndAnonTokensOnTheApi() {
        String good = users.token(TestUsers.ADMIN);
        String[] parts = good.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";
        assertThat(api.get("/api/users").token(forged).send().status()).isEqualTo(401);
        assertThat(api.get("/api/users").token("not-a-jwt").send().status()).isEqualTo(401);
        assertThat(api.get("/api/users").send().errorCode()).isEqualTo("UNAUTHORIZED");

        JsonNode claims = claims(good);
        String expired = sign(claims.path("sub").asString(), Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600), "authenticated");
        assertThat(api.get("/api/users").token(expired).send().status()).isEqualTo(401);
        String wrongAudience = sign(claims.path("sub").asString(), Instant.now(), Instant.now().plusSeconds(600), "someone-else");
        assertThat(api.get("/api/users").token(wrongAudience).send().status()).isEqualTo(401);

        // The anon key identifies a client, not a user: it may sign in but not read the API.
        assertThat(api.get("/api/users").token(signer.anonKey()).send().status()).isEqualTo(403);
        assertThat(api.get("/api/users").header("apikey", signer.anonKey()).send().status()).isEqualTo(403);
        assertThat(api.post("/auth/v1/token?grant_type=password", Map.of("email", TestUsers.PATIENT, "password", TestUsers.DEMO_PASSWORD))
                .header("apikey", signer.anonKey()).token(signer.anonKey()).send().status()).isEqualTo(200);
    }

    @Test
    void authErrorsWrittenBeforeTheControllerAlsoCarryGoTrueFields() {
        Api.Response response = api.get("/auth/v1/user").token("not-a-jwt").send();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("error_code").asString()).isEqualTo("unauthorized");
        assertThat(response.json().path("error").path("code").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(api.get("/auth/v1/health").send().json().path("name").asString()).isEqualTo("GoTrue");
    }

    private static String sign(String subject, Instant issued, Instant expires, String audience) {
        try {
            var jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256),
                    new com.nimbusds.jwt.JWTClaimsSet.Builder().subject(subject).audience(audience).claim("role", "authenticated")
                            .claim("app_metadata", Map.of("rx_role", "admin")).issueTime(java.util.Date.from(issued))
                            .expirationTime(java.util.Date.from(expires)).build());
            jwt.sign(new com.nimbusds.jose.crypto.MACSigner("test-secret-test-secret-test-secret-0123456789".getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void unsupportedGrantTypeIsAValidationError() {
        Api.Response response = api.post("/auth/v1/token?grant_type=magic", Map.of("email", "a@b.c")).send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void theBootstrapAdminFromTheEnvironmentIsAGlobalAdmin() {
        Api.Response root = users.signIn("root@test.rx", "Root-Password-2026");
        assertThat(root.status()).isEqualTo(200);
        JsonNode claims = claims(root.json().path("access_token").asString());
        assertThat(claims.path("app_metadata").path("rx_role").asString()).isEqualTo("admin");
        assertThat(claims.path("app_metadata").path("org_id").isNull()).isTrue();
    }

    @Test
    void getUserReturnsTheSignedInProfile() {
        Api.Response me = api.get("/auth/v1/user").token(users.token(TestUsers.PHYSICIAN)).send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("email").asString()).isEqualTo(TestUsers.PHYSICIAN);
        assertThat(me.json().path("app_metadata").path("rx_role").asString()).isEqualTo("physician");
    }

    private Api.Response refresh(String token) {
        return api.post("/auth/v1/token?grant_type=refresh_token", Map.of("refresh_token", token)).send();
    }

    static JsonNode claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonMapper.builder().build().readTree(payload);
    }
}
