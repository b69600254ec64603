package com.ai2aim.rx.platform.security;

import java.util.UUID;

/**
 * Who is acting: a signed-in user (from a verified JWT) or the service itself (jobs, functions, webhooks).
 * {@code claimsJson} is the token's claims as sent to PostgreSQL in {@code request.jwt.claims}.
 *
 * @param userId    the user's id ({@code sub}); null for the service
 * @param orgId     the user's organisation; null for a global admin and for the service
 * @param sessionId the sign-in session the token belongs to; null for tokens without one
 */
public record Actor(UUID userId, String email, Role role, UUID orgId, UUID sessionId, String claimsJson) {

    public static final Actor SERVICE = new Actor(null, null, Role.SERVICE, null, null,
            "{\"role\":\"service_role\",\"app_metadata\":{\"rx_role\":\"service\"}}");

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isGlobalAdmin() {
        return role == Role.ADMIN && orgId == null;
    }

    public boolean isService() {
        return role == Role.SERVICE;
    }

    /** True for an admin who may manage the given organisation (a global admin manages all of them). */
    public boolean administers(UUID organisation) {
        return isService() || role == Role.ADMIN && (orgId == null || orgId.equals(organisation));
    }

    public String auditId() {
        return userId == null ? "service" : userId.toString();
    }
}
