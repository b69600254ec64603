package com.ai2aim.rx.identity.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.security.Role;
import com.ai2aim.rx.platform.security.TokenSigner;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ErrorCode;
import com.ai2aim.rx.platform.web.RequestContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password and refresh-token grants. Passwords are compared outside any transaction (BCrypt is slow on purpose);
 * failures are counted atomically and lock the account after {@code maxFailures}. Refresh tokens rotate on every
 * use; presenting a used one is treated as theft and ends the whole session.
 */
@Component
class SignIn {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BAD_CREDENTIALS = "Invalid login credentials";

    private final CredentialRepository credentials;
    private final UserRepository users;
    private final Passwords passwords;
    private final TokenSigner signer;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final ActiveSessions sessions;
    private final int maxFailures;
    private final Duration lockFor;
    private final Duration refreshLifetime;

    SignIn(CredentialRepository credentials, UserRepository users, Passwords passwords, TokenSigner signer,
           TransactionTemplate transactions, AuditTrail audit, ActiveSessions sessions,
           @Value("${rx.auth.max-failed-attempts:5}") int maxFailures,
           @Value("${rx.auth.lock-minutes:15}") long lockMinutes,
           @Value("${rx.jwt.refresh-token-seconds:2592000}") long refreshSeconds) {
        this.credentials = credentials;
        this.users = users;
        this.passwords = passwords;
        this.signer = signer;
        this.transactions = transactions;
        this.audit = audit;
        this.sessions = sessions;
        this.maxFailures = maxFailures;
        this.lockFor = Duration.ofMinutes(lockMinutes);
        this.refreshLifetime = Duration.ofSeconds(refreshSeconds);
    }

    TokenResponse withPassword(String email, String password) {
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "email and password are required");
        }
        Optional<CredentialRepository.Credential> found = service(() -> credentials.findByEmail(email));
        if (found.isEmpty()) {
            passwords.burnTime(password);
            fail(null, null, email, "unknown_email");
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, BAD_CREDENTIALS);
        }
        CredentialRepository.Credential credential = found.get();
        if (credential.lockedUntil() != null && credential.lockedUntil().isAfter(Instant.now())) {
            fail(credential.userId(), credential.orgId(), email, "locked");
            throw new ApiException(ErrorCode.ACCOUNT_LOCKED, "Too many failed sign-ins; the account is locked for a while");
        }
        if (!passwords.matches(password, credential.passwordHash()) || !credential.active()) {
            boolean locked = credential.active() && service(() -> credentials.recordFailure(credential.userId(), maxFailures, lockFor));
            fail(credential.userId(), credential.orgId(), email, credential.active() ? "bad_password" : "inactive");
            if (locked) {
                throw new ApiException(ErrorCode.ACCOUNT_LOCKED, "Too many failed sign-ins; the account is locked for a while");
            }
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, BAD_CREDENTIALS);
        }
        return service(() -> {
            credentials.clearFailures(credential.userId());
            credentials.recordAttempt(credential.userId(), emailHash(email), true, "ok", ip(), userAgent(), RequestContext.requestId());
            users.recordLogin(credential.userId());
            UUID session = credentials.createSession(credential.userId());
            audit.recordChange(AuditEntry.of("auth.sign_in", "user", credential.userId()).inOrganisation(credential.orgId())
                    .withDetails(Map.of("session", session.toString())));
            return issue(credential.userId(), session);
        });
    }

    TokenResponse withRefreshToken(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "refresh_token is required");
        }
        byte[] hash = sha256(refreshToken);
        Outcome outcome = service(() -> {
            CredentialRepository.RefreshToken token = credentials.lockRefreshToken(hash).orElse(null);
            if (token == null) {
                return new Outcome(null, "Invalid Refresh Token: Refresh Token Not Found", List.of());
            }
            if (token.usedAt() != null) {
                credentials.revokeSession(token.sessionId(), "refresh_token_reused");
                audit.recordChange(AuditEntry.of("auth.refresh_token_reused", "session", token.sessionId()).failed("reused"));
                return new Outcome(null, "Invalid Refresh Token: Already Used", List.of(token.sessionId()));
            }
            if (token.sessionRevokedAt() != null || token.expiresAt().isBefore(Instant.now())) {
                return new Outcome(null, "Invalid Refresh Token: Session Expired", List.of());
            }
            credentials.markUsed(hash);
            if (!credentials.isSessionActive(token.sessionId())) {
                return new Outcome(null, "Invalid Refresh Token: Session Expired", List.of());
            }
            audit.recordChange(AuditEntry.of("auth.token_refreshed", "session", token.sessionId()));
            return new Outcome(issue(token.userId(), token.sessionId()), null, List.of());
        });
        sessions.forget(outcome.revoked());
        if (outcome.response() == null) {
            throw new ApiException(ErrorCode.INVALID_GRANT, outcome.error());
        }
        return outcome.response();
    }

    /** Ends the caller's session ({@code local}), all their sessions ({@code global}) or all but this one ({@code others}). */
    void signOut(Actor actor, String scope) {
        List<UUID> revoked = service(() -> {
            List<UUID> ended = switch (scope == null ? "global" : scope) {
                case "local" -> actor.sessionId() == null ? List.of()
                        : credentials.revokeSession(actor.sessionId(), "logout") == 1 ? List.of(actor.sessionId()) : List.of();
                case "others" -> credentials.revokeSessionsOf(actor.userId(), actor.sessionId(), "logout_others");
                case "global" -> credentials.revokeSessionsOf(actor.userId(), null, "logout");
                default -> throw ApiException.invalid("scope", "must be global, local or others");
            };
            audit.recordChange(AuditEntry.of("auth.sign_out", "user", actor.userId()).inOrganisation(actor.orgId())
                    .withDetails(Map.of("sessions", ended.size())));
            return ended;
        });
        sessions.forget(revoked);
    }

    private record Outcome(TokenResponse response, String error, List<UUID> revoked) {}

    private TokenResponse issue(UUID userId, UUID sessionId) {
        UserView user = users.find(userId).orElseThrow();
        String refresh = newRefreshToken();
        Instant now = Instant.now();
        credentials.storeRefreshToken(sha256(refresh), sessionId, userId, now.plus(refreshLifetime));
        Role role = Role.parseHuman(user.role()).orElseThrow();
        String access = signer.accessToken(userId, user.email(), role, user.orgId(), sessionId, now, user.userMetadata());
        return new TokenResponse(access, "bearer", signer.accessTokenSeconds(),
                now.getEpochSecond() + signer.accessTokenSeconds(), refresh, GoTrueUser.of(user));
    }

    private void fail(UUID userId, UUID orgId, String email, String reason) {
        service(() -> {
            credentials.recordAttempt(userId, emailHash(email), false, reason, ip(), userAgent(), RequestContext.requestId());
            audit.recordChange(AuditEntry.of("auth.sign_in", "user", userId).inOrganisation(orgId).failed(reason));
            return null;
        });
    }

    private <T> T service(java.util.function.Supplier<T> work) {
        return Actors.asService(() -> transactions.execute(status -> work.get()));
    }

    private static String newRefreshToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] emailHash(String email) {
        return sha256(email.trim().toLowerCase());
    }

    private static String ip() {
        return RequestContext.current().ip();
    }

    private static String userAgent() {
        return RequestContext.current().userAgent();
    }
}
