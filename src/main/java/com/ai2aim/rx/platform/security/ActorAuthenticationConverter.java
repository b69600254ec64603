package com.ai2aim.rx.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Maps Supabase-style claims to an {@link Actor}: {@code role} decides anon / user / service, and
 * {@code app_metadata.rx_role} and {@code org_id} decide what a user may do. A token whose session was revoked
 * is refused.
 */
final class ActorAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SessionGuard sessions;

    ActorAuthenticationConverter(SessionGuard sessions) {
        this.sessions = sessions;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String role = jwt.getClaimAsString("role");
        if ("anon".equals(role)) {
            return new ActorAuthentication(null, jwt.getTokenValue(), List.of(new SimpleGrantedAuthority("ROLE_ANON")));
        }
        if ("service_role".equals(role)) {
            return new ActorAuthentication(Actor.SERVICE, jwt.getTokenValue(), List.of(new SimpleGrantedAuthority("ROLE_SERVICE")));
        }
        if (!"authenticated".equals(role)) {
            throw new InvalidBearerTokenException("Unsupported token role");
        }
        if (jwt.getAudience() == null || !jwt.getAudience().contains("authenticated")) {
            throw new InvalidBearerTokenException("Token audience must include 'authenticated'");
        }
        Actor actor = userActor(jwt);
        if (actor.sessionId() != null && !sessions.isActive(actor.sessionId())) {
            throw new InvalidBearerTokenException("Session has ended");
        }
        MDC.put("userId", actor.userId().toString());
        return new ActorAuthentication(actor, jwt.getTokenValue(), List.of(
                new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_" + actor.role().name())));
    }

    private static Actor userActor(Jwt jwt) {
        Map<String, Object> appMetadata = jwt.getClaimAsMap("app_metadata");
        Role rxRole = appMetadata == null ? null
                : Role.parseHuman(String.valueOf(appMetadata.get("rx_role"))).orElse(null);
        if (rxRole == null) {
            throw new InvalidBearerTokenException("Token has no valid app_metadata.rx_role");
        }
        UUID userId = uuid(jwt.getSubject());
        Object org = appMetadata.get("org_id");
        UUID orgId = org == null ? null : uuid(org.toString());
        if (userId == null || org != null && orgId == null || rxRole != Role.ADMIN && orgId == null) {
            throw new InvalidBearerTokenException("Token subject or organisation is invalid");
        }
        String session = jwt.getClaimAsString("session_id");
        return new Actor(userId, jwt.getClaimAsString("email"), rxRole, orgId,
                session == null ? null : uuid(session), payload(jwt.getTokenValue()));
    }

    /** The token's own claims JSON, byte for byte, for {@code request.jwt.claims}. */
    private static String payload(String token) {
        String[] parts = token.split("\\.");
        return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
