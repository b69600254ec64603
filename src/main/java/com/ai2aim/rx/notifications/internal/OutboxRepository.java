package com.ai2aim.rx.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The worker's side of {@code notification_deliveries}. A claim takes due rows with {@code FOR UPDATE SKIP LOCKED},
 * so copies of the service never take the same row, and leases them; a row whose lease ran out (its worker died) is
 * due again. The attempt number a claim gives is its token: a worker records its result only if the row still
 * carries its number, so a late worker cannot overwrite what a re-claim did. Runs as the service.
 */
@Repository
class OutboxRepository {

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Claimed(UUID id, UUID notificationId, UUID orgId, UUID recipientUserId, String channel, String destination,
                   String subject, String body, String htmlBody, int attempt) {}

    List<Claimed> claim(int batch, int leaseSeconds) {
        return jdbc.sql("""
                update notification_deliveries d
                set status = 'sending', attempts = d.attempts + 1, updated_at = now(),
                    lease_until = now() + make_interval(secs => :lease)
                where d.id in (select id from notification_deliveries
                               where (status = 'queued' and next_attempt_at <= now())
                                  or (status = 'sending' and lease_until < now())
                               order by next_attempt_at limit :batch for update skip locked)
                returning d.id, d.notification_id, d.org_id, d.recipient_user_id, d.channel, d.destination, d.subject,
                          d.body, d.html_body, d.attempts""")
                .param("lease", leaseSeconds).param("batch", batch)
                .query((rs, n) -> new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10)))
                .list();
    }

    void recordAttempt(Claimed c, String outcome, NotificationChannel.SendResult result, Instant startedAt, String node) {
        jdbc.sql("""
                insert into notification_attempts (delivery_id, attempt_no, outcome, provider_status, provider_message_id,
                    error_code, node, started_at)
                values (:delivery, :attempt, :outcome, :status, :messageId, :error, :node, :started)""")
                .param("delivery", c.id()).param("attempt", c.attempt()).param("outcome", outcome)
                .param("status", result.providerStatus()).param("messageId", result.providerMessageId())
                .param("error", result.errorCode()).param("node", node).param("started", Timestamp.from(startedAt))
                .update();
    }

    /**
     * Ends the delivery (sent, failed or skipped) and forgets its content and destination: they are PHI and no
     * longer needed. False when the row is no longer this claim's.
     */
    boolean finish(Claimed c, String status, String reason, String providerMessageId) {
        return jdbc.sql("""
                update notification_deliveries set status = :status, reason = :reason, provider_message_id = :messageId,
                    destination = null, subject = null, body = null, html_body = null, lease_until = null,
                    updated_at = now()
                where id = :id and status = 'sending' and attempts = :attempt""")
                .param("status", status).param("reason", reason).param("messageId", providerMessageId)
                .param("id", c.id()).param("attempt", c.attempt()).update() == 1;
    }

    boolean retryAt(Claimed c, Instant next, String reason) {
        return jdbc.sql("""
                update notification_deliveries set status = 'queued', reason = :reason, next_attempt_at = :next,
                    lease_until = null, updated_at = now()
                where id = :id and status = 'sending' and attempts = :attempt""")
                .param("reason", reason).param("next", Timestamp.from(next))
                .param("id", c.id()).param("attempt", c.attempt()).update() == 1;
    }

    List<String> deviceTokens(UUID userId) {
        return jdbc.sql("select token from notification_devices where user_id = :user order by last_seen_at desc limit 20")
                .param("user", userId).query(String.class).list();
    }

    void forgetDevice(String token) {
        jdbc.sql("delete from notification_devices where token = :token").param("token", token).update();
    }

    /** Shows the in-app copy and tells every copy of the service (LISTEN/NOTIFY) that it is there: the id only. */
    void showInApp(UUID notificationId) {
        jdbc.sql("update notifications set in_app_at = coalesce(in_app_at, now()) where id = :id")
                .param("id", notificationId).update();
        jdbc.sql("select pg_notify('" + LiveFeed.CHANNEL + "', :id)").param("id", notificationId.toString())
                .query((rs, n) -> 1).list();
    }
}
