package com.ai2aim.rx.notifications.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.platform.security.Actors;
import io.github.resilience4j.core.IntervalFunction;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. Polls every {@code rx.notifications.poll-ms} and is woken at once after a send
 * commits; claims due deliveries (cluster-safe), sends each outside any transaction, then records the attempt and
 * the outcome in one transaction: sent, failed (permanent error or attempts used up), or queued again after an
 * exponential back-off. Everything runs as the service. Delivery is at-least-once: a copy that dies after a partner
 * accepted a message but before recording it sends it again when the lease runs out.
 */
@Component
class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final OutboxRepository outbox;
    private final Map<String, NotificationChannel> channels;
    private final TransactionTemplate transactions;
    private final NotificationProperties properties;
    private final NotificationMetrics metrics;
    private final AuditTrail audit;
    private final IntervalFunction backoff;
    private final String node;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    OutboxWorker(OutboxRepository outbox, List<NotificationChannel> channels, TransactionTemplate transactions,
                 NotificationProperties properties, NotificationMetrics metrics, AuditTrail audit) {
        this.outbox = outbox;
        this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
        this.transactions = transactions;
        this.properties = properties;
        this.metrics = metrics;
        this.audit = audit;
        this.backoff = IntervalFunction.ofExponentialBackoff(Duration.ofMillis(properties.retryInitialMs()),
                properties.retryMultiplier(), Duration.ofMillis(properties.retryMaxMs()));
        this.node = nodeName();
    }

    /** Runs a drain soon on the worker thread; wakes that arrive while one is pending are folded into it. */
    void wake() {
        ScheduledExecutorService running = executor;
        if (running != null && wakeQueued.compareAndSet(false, true)) {
            running.execute(() -> {
                wakeQueued.set(false);
                drain();
            });
        }
    }

    /** Sends every due delivery, batch after batch, until none is left. */
    void drain() {
        try {
            Actors.asService(() -> {
                List<OutboxRepository.Claimed> batch;
                do {
                    batch = transactions.execute(s -> outbox.claim(properties.batchSize(), properties.leaseSeconds()));
                    batch.forEach(this::deliver);
                } while (!batch.isEmpty());
                return null;
            });
        } catch (RuntimeException e) {
            // The next poll tries again; the rows stay leased or queued, so nothing is lost.
            log.warn("Notification outbox drain failed: {}", e.getClass().getSimpleName(), e);
        }
    }

    private void deliver(OutboxRepository.Claimed claimed) {
        Instant started = Instant.now();
        NotificationChannel channel = channels.get(claimed.channel());
        NotificationChannel.SendResult result;
        try {
            result = channel.send(new NotificationChannel.Outgoing(claimed.id(), claimed.notificationId(),
                    claimed.recipientUserId(), claimed.destination(), claimed.subject(), claimed.body(),
                    claimed.htmlBody(), Map.of("notificationId", claimed.notificationId().toString())));
        } catch (RuntimeException e) {
            result = NotificationChannel.SendResult.retry(null, "exception:" + e.getClass().getSimpleName());
        }
        NotificationChannel.SendResult outcome = result;
        transactions.executeWithoutResult(s -> record(claimed, outcome, started));
    }

    private void record(OutboxRepository.Claimed c, NotificationChannel.SendResult result, Instant started) {
        switch (result.outcome()) {
            case SENT -> {
                outbox.recordAttempt(c, "sent", result, started, node);
                end(c, "sent", null, result.providerMessageId());
            }
            case SKIPPED -> end(c, "skipped", result.errorCode(), null);
            case FAILED -> {
                outbox.recordAttempt(c, "failed", result, started, node);
                end(c, "failed", result.errorCode(), null);
            }
            case RETRY -> {
                if (c.attempt() >= properties.maxAttempts()) {
                    outbox.recordAttempt(c, "failed", result, started, node);
                    end(c, "failed", "max_attempts", null);
                } else {
                    outbox.recordAttempt(c, "retry", result, started, node);
                    if (outbox.retryAt(c, Instant.now().plusMillis(backoff.apply(c.attempt())), result.errorCode())) {
                        metrics.delivery(c.channel(), "retry");
                    }
                }
            }
        }
    }

    private void end(OutboxRepository.Claimed c, String status, String reason, String messageId) {
        if (!outbox.finish(c, status, reason, messageId)) {
            return;
        }
        metrics.delivery(c.channel(), status);
        audit.recordChange(AuditEntry.of("notification.delivery." + status, "notification_delivery", c.id())
                .inOrganisation(c.orgId()).changed(List.of("status"))
                .withDetails(Map.of("channel", c.channel(), "attempt", c.attempt(), "notificationId", c.notificationId().toString())));
    }

    @Override
    public void start() {
        if (!properties.workerEnabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rx-notification-outbox");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::drain, properties.pollMs(), properties.pollMs(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
        } catch (java.io.IOException e) {
            return "pid-" + ProcessHandle.current().pid();
        }
    }
}
