package com.ai2aim.rx.notifications;

import com.ai2aim.rx.identity.Users;
import com.ai2aim.rx.notifications.internal.NotificationSender;
import com.ai2aim.rx.platform.security.Role;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifications module's API for other modules. Every method joins the caller's transaction (or opens one as the
 * current actor), so the notification and its outbox rows commit with the caller's change or not at all; the worker
 * sends after commit. Records are read under the actor's row-level security.
 *
 * <p>From an event listener or a job, call it as the service, outside any transaction:
 * {@code Actors.asService(() -> notifications.alertStaff(orgId, Role.PHARMACIST, "verification-needs-review", vars, "rx-" + id))}.
 * Pass a dedup key that names the occasion so that a redelivered event or a re-run job sends nothing twice.
 *
 * <p>Failures the caller caused are {@code ApiException}s: an unknown template or a variable the template needs and
 * the call does not give (400 VALIDATION_ERROR naming it), a recipient or prescription not visible (404).
 */
@Component
public class Notifications {

    private final NotificationSender sender;
    private final Users users;

    Notifications(NotificationSender sender, Users users) {
        this.sender = sender;
        this.users = users;
    }

    /** Sends one notification to a patient or a user; see {@link SendNotification}. */
    @Transactional
    public NotificationResult send(SendNotification request) {
        return sender.send(request);
    }

    /** Sends a template to one user over every channel it has (in-app and email for the staff templates). */
    @Transactional
    public NotificationResult notifyUser(UUID userId, String templateKey, Map<String, String> variables, String dedupKey) {
        return sender.send(SendNotification.toUser(userId, templateKey, variables).once(dedupKey));
    }

    /**
     * Sends a template to every active user of an organisation who holds a role (for example its pharmacists), one
     * notification each. With a dedup key, users already alerted for it are not alerted again.
     */
    @Transactional
    public List<NotificationResult> alertStaff(UUID orgId, Role role, String templateKey, Map<String, String> variables,
                                               String dedupKey) {
        return users.activeWithRole(orgId, role.value()).stream()
                .map(user -> sender.send(SendNotification.toUser(user.id(), templateKey, variables).once(dedupKey)))
                .toList();
    }
}
