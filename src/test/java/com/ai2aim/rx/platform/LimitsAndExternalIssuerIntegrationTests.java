package com.ai2aim.rx.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.platform.ratelimit.RateLimiter;
import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.TestUsers;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Rate limits (tight here, so this class has its own service and database) and tokens from an external issuer
 * verified through its JWKS, served by a stand-in issuer on a local port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rx.demo=true",
        "rx.database.data-dir=target/test-pg/${random.uuid}",
        "rx.database.embedded-clean=true",
        "rx.jwt.secret=test-secret-test-secret-test-secret-0123456789",
        "rx.rate-limit.per-user-per-minute=20",
        "rx.rate-limit.per-ip-per-minute=100000",
        "rx.rate-limit.sign-in-per-ip-per-minute=100000",
})
class LimitsAndExternalIssuerIntegrationTests {

    static final RSAKey ISSUER_KEY;
    static final HttpServer JWKS_SERVER;

    static {
        try {
            ISSUER_KEY = new RSAKeyGenerator(2048).keyID("external-1").generate();
            byte[] jwks = new JWKSet(ISSUER_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            JWKS_SERVER = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            JWKS_SERVER.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            JWKS_SERVER.start();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("rx.jwt.jwks-url", () -> "http://127.0.0.1:" + JWKS_SERVER.getAddress().getPort() + "/.well-known/jwks.json");
    }

    @AfterAll
    static void stopIssuer() {
        JWKS_SERVER.stop(0);
    }

    @LocalServerPort int port;
    @Autowired DataSource dataSource;

    @Test
    void aUserOverTheLimitGets429WithRetryAfterInTheEnvelope() {
        Api api = new Api(port);
        String token = new TestUsers(api).token(TestUsers.TECHNICIAN);
        Api.Response limited = null;
        for (int i = 0; i < 40 && limited == null; i++) {
            Api.Response r = api.get("/auth/v1/user").token(token).send();
            if (r.status() == 429) {
                limited = r;
            }
        }
        assertThat(limited).as("the 21st request within a minute is refused").isNotNull();
        assertThat(limited.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 61);
        assertThat(limited.json().path("meta").path("requestId").asString()).isNotBlank();
    }

    @Test
    void twoNodesShareOneBucketThroughPostgres() {
        RateLimiter nodeA = new RateLimiter(dataSource, 5);
        RateLimiter nodeB = new RateLimiter(dataSource, 5);
        String key = "shared-" + UUID.randomUUID();
        int allowed = 0;
        for (int i = 0; i < 100; i++) {
            RateLimiter node = i % 2 == 0 ? nodeA : nodeB;
            if (node.tryConsume(key, 50).allowed()) {
                allowed++;
            }
        }
        // One node alone would allow 50; two independent in-memory buckets would allow 100. Shared: 50 plus at
        // most the tokens each node may spend before it syncs.
        assertThat(allowed).isBetween(50, 60);
    }

    @Test
    void concurrentFirstUseOfANewBucketNeverFails() throws Exception {
        RateLimiter limiter = new RateLimiter(dataSource, 50);
        String key = "fresh-" + UUID.randomUUID();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(32);
        try {
            java.util.List<java.util.concurrent.Callable<Boolean>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(() -> limiter.tryConsume(key, 1_000_000).allowed());
            }
            for (var result : pool.invokeAll(calls)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(limiter.fallbacks()).as("no request fell back to unlimited").isZero();
        assertThat(org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
                .sql("select count(*) from rate_limit_bucket where id = ?").param("1000000|" + key).query(Long.class).single()).isOne();
    }

    @Test
    void tokensFromTheExternalIssuerAreAcceptedThroughItsJwks() throws Exception {
        Api api = new Api(port);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("https://idp.example.test").subject(UUID.randomUUID().toString()).audience("authenticated")
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 600_000))
                .claim("role", "authenticated")
                .claim("app_metadata", Map.of("rx_role", "admin"))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("external-1").build(), claims);
        jwt.sign(new RSASSASigner(ISSUER_KEY));

        Api.Response organisations = api.get("/api/organizations").token(jwt.serialize()).send();
        assertThat(organisations.status()).isEqualTo(200);
        assertThat(organisations.data().size()).isGreaterThanOrEqualTo(2);

        RSAKey stranger = new RSAKeyGenerator(2048).keyID("external-1").generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("external-1").build(), claims);
        forged.sign(new RSASSASigner(stranger));
        assertThat(api.get("/api/organizations").token(forged.serialize()).send().status()).isEqualTo(401);
    }
}
