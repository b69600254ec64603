package com.ai2aim.rx.notifications.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In-app: the notification's stored copy becomes visible in the recipient's inbox, and every copy of the service is
 * told (PostgreSQL NOTIFY, at commit) so the one holding the recipient's live stream pushes it. Always configured.
 */
@Component
class InAppChannel implements NotificationChannel {

    private final OutboxRepository outbox;
    private final TransactionTemplate transactions;

    InAppChannel(OutboxRepository outbox, TransactionTemplate transactions) {
        this.outbox = outbox;
        this.transactions = transactions;
    }

    @Override public String name() { return "in_app"; }
    @Override public boolean configured() { return true; }

    @Override
    public SendResult send(Outgoing message) {
        transactions.executeWithoutResult(s -> outbox.showInApp(message.notificationId()));
        return SendResult.sent(null, message.notificationId().toString());
    }
}
