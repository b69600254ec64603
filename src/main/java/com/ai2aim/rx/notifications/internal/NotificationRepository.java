package com.ai2aim.rx.notifications.internal;

import com.ai2aim.rx.notifications.NotificationResult.ChannelStatus;
import com.ai2aim.rx.platform.web.PageQuery;
import com.ai2aim.rx.platform.web.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code notifications} and the request side of {@code notification_deliveries}; runs in the caller's transaction. */
@Repository
class NotificationRepository {

    private static final String INBOX_SELECT = """
            select id, template_key, title, body, patient_id, prescription_id, in_app_at, read_at
            from notifications""";

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewNotification(UUID orgId, UUID recipientUserId, UUID patientId, String templateKey, UUID prescriptionId,
                           String dedupKey, String title, String body, UUID createdBy) {}

    /** Empty when the dedup key was used already (by a concurrent send, too: the unique index decides). */
    Optional<UUID> insert(NewNotification n) {
        return jdbc.sql("""
                insert into notifications (org_id, recipient_user_id, patient_id, template_key, prescription_id, dedup_key,
                    title, body, created_by)
                values (:org, :user, :patient, :template, :prescription, :dedup, :title, :body, :by)
                on conflict do nothing returning id""")
                .param("org", n.orgId()).param("user", n.recipientUserId()).param("patient", n.patientId())
                .param("template", n.templateKey()).param("prescription", n.prescriptionId()).param("dedup", n.dedupKey())
                .param("title", n.title()).param("body", n.body()).param("by", n.createdBy())
                .query(UUID.class).optional();
    }

    record Existing(UUID id, UUID patientId, UUID userId) {}

    Optional<Existing> findByDedup(String templateKey, UUID recipientKey, String dedupKey) {
        return jdbc.sql("""
                select id, patient_id, recipient_user_id from notifications
                where template_key = :template and coalesce(patient_id, recipient_user_id) = :recipient and dedup_key = :dedup""")
                .param("template", templateKey).param("recipient", recipientKey).param("dedup", dedupKey)
                .query((rs, n) -> new Existing(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)))
                .optional();
    }

    record NewDelivery(UUID notificationId, UUID orgId, UUID recipientUserId, String channel, String status, String reason,
                       String destination, String subject, String body, String htmlBody, Instant notBefore) {}

    void insertDelivery(NewDelivery d) {
        jdbc.sql("""
                insert into notification_deliveries (notification_id, org_id, recipient_user_id, channel, status, reason,
                    destination, subject, body, html_body, next_attempt_at)
                values (:notification, :org, :user, :channel, :status, :reason, :destination, :subject, :body, :html,
                    :notBefore)""")
                .param("notification", d.notificationId()).param("org", d.orgId()).param("user", d.recipientUserId())
                .param("channel", d.channel()).param("status", d.status()).param("reason", d.reason())
                .param("destination", d.destination()).param("subject", d.subject()).param("body", d.body())
                .param("html", d.htmlBody())
                .param("notBefore", Timestamp.from(d.notBefore() == null ? Instant.now() : d.notBefore()))
                .update();
    }

    List<ChannelStatus> deliveries(UUID notificationId) {
        return jdbc.sql("""
                select channel, status, reason, next_attempt_at from notification_deliveries
                where notification_id = :id order by channel""")
                .param("id", notificationId)
                .query((rs, n) -> new ChannelStatus(rs.getString(1), rs.getString(2), rs.getString(3),
                        "queued".equals(rs.getString(2)) ? rs.getTimestamp(4).toInstant() : null))
                .list();
    }

    PageResult<InboxItem> inbox(UUID userId, boolean unreadOnly, PageQuery page) {
        String where = " where recipient_user_id = :user and in_app_at is not null" + (unreadOnly ? " and read_at is null" : "");
        long total = jdbc.sql("select count(*) from notifications" + where).param("user", userId).query(Long.class).single();
        List<InboxItem> items = jdbc.sql(INBOX_SELECT + where + " order by in_app_at desc, id desc limit :limit offset :offset")
                .param("user", userId).param("limit", page.limit()).param("offset", page.offset())
                .query(NotificationRepository::item).list();
        return PageResult.of(items, page, total);
    }

    Optional<InboxItem> inboxItem(UUID id) {
        return jdbc.sql(INBOX_SELECT + " where id = :id and in_app_at is not null").param("id", id)
                .query(NotificationRepository::item).optional();
    }

    /** The recipient of a notification shown in-app, for routing the live stream. */
    Optional<UUID> inAppRecipient(UUID id) {
        return jdbc.sql("select recipient_user_id from notifications where id = :id and in_app_at is not null")
                .param("id", id).query(UUID.class).optional();
    }

    /** Marks the caller's own notification read, once; empty when it is not the caller's (or not shown in-app). */
    Optional<Instant> markRead(UUID id, UUID userId) {
        return jdbc.sql("""
                update notifications set read_at = coalesce(read_at, now())
                where id = :id and recipient_user_id = :user and in_app_at is not null returning read_at""")
                .param("id", id).param("user", userId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    int markAllRead(UUID userId) {
        return jdbc.sql("""
                update notifications set read_at = now()
                where recipient_user_id = :user and in_app_at is not null and read_at is null""")
                .param("user", userId).update();
    }

    private static InboxItem item(ResultSet rs, int n) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new InboxItem(rs.getObject("id", UUID.class), rs.getString("template_key"), rs.getString("title"),
                rs.getString("body"), rs.getObject("patient_id", UUID.class), rs.getObject("prescription_id", UUID.class),
                rs.getTimestamp("in_app_at").toInstant(), read == null ? null : read.toInstant());
    }

    /** A notification as its recipient sees it in the app. */
    record InboxItem(UUID id, String template, String title, String body, UUID patientId, UUID prescriptionId,
                     Instant createdAt, Instant readAt) {}
}
