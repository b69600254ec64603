package com.ai2aim.rx.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Signs Supabase-shaped HS256 access tokens and the project's API keys ({@code anon}, {@code service_role}).
 */
@Component
public class TokenSigner {

    private final MACSigner signer;
    private final JwtProperties properties;
    private final String anonKey;
    private final String serviceRoleKey;

    TokenSigner(JwtProperties properties, JwtSecret secret) {
        this.properties = properties;
        try {
            this.signer = new MACSigner(secret.bytes());
        } catch (JOSEException e) {
            throw new IllegalStateException("invalid JWT secret", e);
        }
        // API keys are long-lived role tokens, as Supabase issues them; fixed iat keeps them stable across restarts.
        Instant issued = Instant.parse("2026-01-01T00:00:00Z");
        this.anonKey = sign(new JWTClaimsSet.Builder().issuer(properties.issuer()).claim("role", "anon")
                .issueTime(Date.from(issued)).expirationTime(Date.from(issued.plusSeconds(10L * 365 * 86400))).build());
        this.serviceRoleKey = sign(new JWTClaimsSet.Builder().issuer(properties.issuer()).claim("role", "service_role")
                .issueTime(Date.from(issued)).expirationTime(Date.from(issued.plusSeconds(10L * 365 * 86400))).build());
    }

    /** The access token a signed-in user gets. */
    public String accessToken(UUID userId, String email, Role role, UUID orgId, UUID sessionId, Instant issuedAt,
                              Map<String, Object> userMetadata) {
        Map<String, Object> appMetadata = new java.util.LinkedHashMap<>();
        appMetadata.put("provider", "email");
        appMetadata.put("rx_role", role.value());
        appMetadata.put("org_id", orgId == null ? null : orgId.toString());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .subject(userId.toString())
                .audience(properties.audience())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plusSeconds(properties.accessTokenSeconds())))
                .claim("email", email)
                .claim("role", "authenticated")
                .claim("aal", "aal1")
                .claim("session_id", sessionId.toString())
                .claim("app_metadata", appMetadata)
                .claim("user_metadata", userMetadata == null ? Map.of() : userMetadata)
                .build();
        return sign(claims);
    }

    public long accessTokenSeconds() {
        return properties.accessTokenSeconds();
    }

    public String anonKey() {
        return anonKey;
    }

    public String serviceRoleKey() {
        return serviceRoleKey;
    }

    private String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
        return jwt.serialize();
    }
}
