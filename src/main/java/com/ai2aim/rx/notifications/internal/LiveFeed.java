package com.ai2aim.rx.notifications.internal;

import com.ai2aim.rx.platform.security.Actors;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cluster-wide "a notification was shown in-app": PostgreSQL {@code LISTEN rx_notifications} on one connection of
 * the service's pool held for the purpose (the request pool is sized for the cores, not for a connection held for
 * good); the payload is the notification id only. Whichever copy of the service made the
 * delivery, each copy pushes the item to the streams it holds for its recipient. Needs a direct or session-mode
 * connection (a transaction-mode pooler does not pass LISTEN through). If the connection drops, it listens again.
 */
@Component
class LiveFeed implements SmartLifecycle {

    static final String CHANNEL = "rx_notifications";
    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final DataSource dataSource;
    private final NotificationRepository notifications;
    private final LiveStreams streams;
    private final TransactionTemplate transactions;
    private final NotificationProperties properties;
    private volatile boolean running;
    private Thread listener;
    private ScheduledExecutorService heartbeats;

    LiveFeed(@Qualifier("servicePool") DataSource dataSource, NotificationRepository notifications, LiveStreams streams,
             TransactionTemplate transactions, NotificationProperties properties) {
        this.dataSource = dataSource;
        this.notifications = notifications;
        this.streams = streams;
        this.transactions = transactions;
        this.properties = properties;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = pg.getNotifications(500);
                    if (received != null) {
                        for (PGNotification n : received) {
                            forward(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Listening for in-app notifications failed ({}); listening again in 1 s", e.getClass().getSimpleName());
                    pause();
                }
            }
        }
    }

    private void forward(String payload) {
        UUID id;
        try {
            id = UUID.fromString(payload);
        } catch (IllegalArgumentException e) {
            return;
        }
        if (streams.openCount() == 0) {
            return;
        }
        Actors.asService(() -> transactions.execute(s -> notifications.inAppRecipient(id)
                .flatMap(user -> notifications.inboxItem(id).map(item -> {
                    streams.publish(user, item);
                    return item;
                }))));
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "rx-notification-listen");
        listener.setDaemon(true);
        listener.start();
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rx-notification-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = properties.sseHeartbeatSeconds();
        heartbeats.scheduleWithFixedDelay(streams::heartbeat, every, every, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
        if (listener != null) {
            try {
                listener.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

