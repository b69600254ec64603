package com.ai2aim.rx.identity.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Password hashes, lockout counters, sessions, refresh tokens and sign-in attempts: service role only. */
@Repository
class CredentialRepository {

    record Credential(UUID userId, String passwordHash, int failedAttempts, Instant lockedUntil, boolean active, UUID orgId) {}

    record RefreshToken(UUID sessionId, UUID userId, Instant expiresAt, Instant usedAt, Instant sessionRevokedAt) {}

    private final JdbcClient jdbc;

    CredentialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Credential> findByEmail(String email) {
        return jdbc.sql("""
                select u.id, c.password_hash, c.failed_attempts, c.locked_until, u.is_active, u.org_id
                from users u join user_credentials c on c.user_id = u.id
                where lower(u.email) = lower(:email)""")
                .param("email", email)
                .query((rs, n) -> new Credential(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getInt(3),
                        UserRepository.instant(rs, "locked_until"), rs.getBoolean(5),
                        rs.getString(6) == null ? null : UUID.fromString(rs.getString(6))))
                .optional();
    }

    void setPassword(UUID userId, String hash) {
        // Through a definer function: request roles may set a password they are entitled to set, never read one.
        jdbc.sql("select rx.set_password_hash(:user, :hash)").param("user", userId).param("hash", hash)
                .query((rs, n) -> 1).list();
    }

    /** Counts a failure; locks the account for {@code lockFor} when the count reaches {@code maxFailures}. Returns true if now locked. */
    boolean recordFailure(UUID userId, int maxFailures, java.time.Duration lockFor) {
        return jdbc.sql("""
                update user_credentials
                set failed_attempts = case when failed_attempts + 1 >= :max then 0 else failed_attempts + 1 end,
                    locked_until = case when failed_attempts + 1 >= :max then now() + make_interval(secs => :lockSeconds) else locked_until end,
                    updated_at = now()
                where user_id = :user
                returning locked_until is not null and locked_until > now()""")
                .param("max", maxFailures).param("lockSeconds", lockFor.toSeconds()).param("user", userId)
                .query(Boolean.class).single();
    }

    void clearFailures(UUID userId) {
        jdbc.sql("update user_credentials set failed_attempts = 0, locked_until = null where user_id = :user and (failed_attempts > 0 or locked_until is not null)")
                .param("user", userId).update();
    }

    void recordAttempt(UUID userId, byte[] emailHash, boolean succeeded, String reason, String ip, String userAgent, String requestId) {
        jdbc.sql("""
                insert into sign_in_attempts (user_id, email_hash, succeeded, reason, ip, user_agent, request_id)
                values (:user, :email, :ok, :reason, :ip, :ua, :rid)""")
                .param("user", userId).param("email", emailHash).param("ok", succeeded).param("reason", reason)
                .param("ip", ip).param("ua", userAgent).param("rid", requestId).update();
    }

    UUID createSession(UUID userId) {
        return jdbc.sql("insert into auth_sessions (user_id) values (:user) returning id").param("user", userId).query(UUID.class).single();
    }

    void storeRefreshToken(byte[] tokenHash, UUID sessionId, UUID userId, Instant expiresAt) {
        jdbc.sql("insert into refresh_tokens (token_hash, session_id, user_id, expires_at) values (:hash, :session, :user, :exp)")
                .param("hash", tokenHash).param("session", sessionId).param("user", userId)
                .param("exp", java.sql.Timestamp.from(expiresAt)).update();
    }

    Optional<RefreshToken> lockRefreshToken(byte[] tokenHash) {
        return jdbc.sql("""
                select t.session_id, t.user_id, t.expires_at, t.used_at, s.revoked_at
                from refresh_tokens t join auth_sessions s on s.id = t.session_id
                where t.token_hash = :hash for update of t""")
                .param("hash", tokenHash)
                .query((rs, n) -> new RefreshToken(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)),
                        UserRepository.instant(rs, "expires_at"), UserRepository.instant(rs, "used_at"),
                        UserRepository.instant(rs, "revoked_at")))
                .optional();
    }

    void markUsed(byte[] tokenHash) {
        jdbc.sql("update refresh_tokens set used_at = now() where token_hash = :hash").param("hash", tokenHash).update();
    }

    int revokeSession(UUID sessionId, String reason) {
        return jdbc.sql("update auth_sessions set revoked_at = now(), revoked_reason = :reason where id = :id and revoked_at is null")
                .param("id", sessionId).param("reason", reason).update();
    }

    java.util.List<UUID> revokeSessionsOf(UUID userId, UUID except, String reason) {
        return jdbc.sql("""
                update auth_sessions set revoked_at = now(), revoked_reason = :reason
                where user_id = :user and revoked_at is null and (cast(:except as uuid) is null or id <> cast(:except as uuid))
                returning id""")
                .param("user", userId).param("except", except).param("reason", reason).query(UUID.class).list();
    }

    boolean isSessionActive(UUID sessionId) {
        return jdbc.sql("""
                select s.revoked_at is null and u.is_active
                from auth_sessions s join users u on u.id = s.user_id where s.id = :id""")
                .param("id", sessionId).query(Boolean.class).optional().orElse(false);
    }

    long countUsers() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }
}
