package com.ai2aim.rx.audit.internal;

import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ErrorCode;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Group commit for access records. Requests hand their record to one writer thread and wait; the writer appends
 * everything that queued up while the previous batch was committing in one transaction and one fsync, then
 * releases the waiters. The batch goes in one round trip ({@link ChainAppender#appendCommitted}): every request
 * waits for it, and under load each round trip waits for a core. The record is as durable as the response, at a fraction of a commit per request.
 */
@Component
public class AccessAuditWriter {

    private static final Logger log = LoggerFactory.getLogger(AccessAuditWriter.class);
    private static final int MAX_BATCH = 500;

    private record Pending(Map<String, Object> record, CompletableFuture<Void> done) {}

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(50_000);
    private final ChainAppender appender;
    private final long waitMillis;
    private final Thread writer;
    private volatile boolean running = true;

    AccessAuditWriter(ChainAppender appender,
                      @Value("${rx.audit.access-wait-millis:10000}") long waitMillis) {
        this.appender = appender;
        this.waitMillis = waitMillis;
        this.writer = new Thread(this::run, "audit-group-commit");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues the record and waits until it is committed; fails the request if it cannot be recorded. */
    public void append(Map<String, Object> record) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending(record, done))) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Audit trail is unavailable; retry shortly");
        }
        try {
            done.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Audit trail is unavailable; retry shortly");
        } catch (ExecutionException | TimeoutException e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Audit trail is unavailable; retry shortly");
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        List<Map<String, Object>> records = batch.stream().map(Pending::record).toList();
        try {
            Actors.asService(() -> {
                appender.appendCommitted(records);
                return null;
            });
            batch.forEach(p -> p.done().complete(null));
        } catch (RuntimeException e) {
            log.error("audit group commit of {} records failed: {}", batch.size(), e.getClass().getName());
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        writer.join(TimeUnit.SECONDS.toMillis(10));
    }
}
