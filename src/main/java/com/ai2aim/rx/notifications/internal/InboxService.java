package com.ai2aim.rx.notifications.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.PageQuery;
import com.ai2aim.rx.platform.web.PageResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's own in-app notifications and push devices. Every query names the caller as recipient, and
 * row-level security says the same, so nobody reads or marks another user's notifications.
 */
@Service
class InboxService {

    private final NotificationRepository notifications;
    private final DeviceRepository devices;
    private final AuditTrail audit;

    InboxService(NotificationRepository notifications, DeviceRepository devices, AuditTrail audit) {
        this.notifications = notifications;
        this.devices = devices;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public PageResult<NotificationRepository.InboxItem> list(boolean unreadOnly, PageQuery page) {
        return notifications.inbox(user().userId(), unreadOnly, page);
    }

    @Transactional
    public Instant markRead(UUID id) {
        Instant at = notifications.markRead(id, user().userId()).orElseThrow(() -> ApiException.notFound("Notification"));
        audit.recordChange(AuditEntry.of("notification.read", "notification", id).changed(List.of("read_at")));
        return at;
    }

    @Transactional
    public int markAllRead() {
        UUID me = user().userId();
        int count = notifications.markAllRead(me);
        audit.recordChange(AuditEntry.of("notification.read_all", "user", me).changed(List.of("read_at"))
                .withDetails(Map.of("count", count)));
        return count;
    }

    @Transactional
    public UUID registerDevice(String token, String platform) {
        UUID id = devices.register(token, platform);
        audit.recordChange(AuditEntry.of("notification.device.register", "notification_device", id).changed(List.of("token", "platform")));
        return id;
    }

    @Transactional
    public void forgetDevice(String token) {
        UUID id = devices.deleteOwn(token).orElseThrow(() -> ApiException.notFound("Device"));
        audit.recordChange(AuditEntry.of("notification.device.delete", "notification_device", id).changed(List.of("token")));
    }

    /** Only people have an inbox; the service role has none. */
    static Actor user() {
        Actor actor = Actors.required();
        if (actor.userId() == null) {
            throw ApiException.forbidden();
        }
        return actor;
    }
}
