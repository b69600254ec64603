package com.ai2aim.rx.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies HS256 tokens with the project secret and asymmetric ones through the external issuer's JWKS, and keeps
 * verified tokens until they expire: the signature check is the most expensive step of an authenticated request
 * and a client sends the same token many times.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder hmac;
    private final JwtDecoder jwks;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt)))
            .build();

    CachingJwtDecoder(JwtDecoder hmac, JwtDecoder jwks) {
        this.hmac = hmac;
        this.jwks = jwks;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt cached = verified.getIfPresent(token);
        if (cached != null && (cached.getExpiresAt() == null || cached.getExpiresAt().isAfter(Instant.now()))) {
            return cached;
        }
        Jwt jwt = delegateFor(token).decode(token);
        verified.put(token, jwt);
        return jwt;
    }

    private JwtDecoder delegateFor(String token) {
        String algorithm;
        try {
            algorithm = JWTParser.parse(token).getHeader().getAlgorithm().getName();
        } catch (ParseException | RuntimeException e) {
            throw new BadJwtException("Malformed token");
        }
        if (algorithm.startsWith("HS")) {
            return hmac;
        }
        if (jwks == null) {
            throw new BadJwtException("Token algorithm not accepted");
        }
        return jwks;
    }

    private static Duration untilExpiry(Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return Duration.ofMinutes(5);
        }
        Duration left = Duration.between(Instant.now(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }
}
