package com.ai2aim.rx.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token settings. {@code secret} signs and verifies HS256 tokens (Supabase's JWT secret); when empty, a random one
 * is generated once and kept in {@code secretFile}. {@code jwksUrl} admits tokens of an external issuer.
 */
@ConfigurationProperties("rx.jwt")
public record JwtProperties(String secret, String secretFile, long accessTokenSeconds, long refreshTokenSeconds,
                            String issuer, String audience, String jwksUrl) {}
