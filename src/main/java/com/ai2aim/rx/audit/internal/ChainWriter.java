package com.ai2aim.rx.audit.internal;

import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ErrorCode;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * The one thread that appends to the chain, by group commit. Readers hand it their access record and wait; writers,
 * whose change records were staged with their change, ask it to chain what they staged and wait. The thread takes
 * everything that queued while the previous batch was committing and chains the staged records and the access
 * records in one statement, one transaction, one fsync and one round trip ({@link ChainAppender#chain}), then releases
 * the waiters. With a single appender nobody queues on the chain head's lock. Records a stop left staged are chained
 * by the next sweep, at most {@link #SWEEP_MILLIS} later.
 */
@Component
public class ChainWriter {

    private static final Logger log = LoggerFactory.getLogger(ChainWriter.class);
    private static final int MAX_BATCH = 500;
    static final long SWEEP_MILLIS = 5_000;

    /** An access record to chain, or (record null) a request to chain what is staged. */
    private record Pending(Map<String, Object> record, CompletableFuture<Void> done) {}

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(50_000);
    private final ChainAppender appender;
    private final long waitMillis;
    private final Thread writer;
    private volatile boolean running = true;

    ChainWriter(ChainAppender appender, @Value("${rx.audit.access-wait-millis:10000}") long waitMillis) {
        this.appender = appender;
        this.waitMillis = waitMillis;
        this.writer = new Thread(this::run, "audit-chain-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues an access record and waits until it is committed; fails the request if it cannot be recorded. */
    public void append(Map<String, Object> record) {
        if (!submitAndWait(Objects.requireNonNull(record))) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Audit trail is unavailable; retry shortly");
        }
    }

    /**
     * Waits until everything staged so far (a committed change's records) is in the chain. False when that could not
     * be confirmed: the records stay staged and a later batch chains them.
     */
    public boolean chainStaged() {
        return submitAndWait(null);
    }

    /**
     * Asks for what is staged to be chained soon, without waiting: for records already durable in the staging table
     * whose caller should not wait for the chain (work in the priority lane). If the queue is full the sweep chains
     * them.
     */
    public void nudge() {
        if (running) {
            queue.offer(new Pending(null, new CompletableFuture<>()));
        }
    }

    private boolean submitAndWait(Map<String, Object> record) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending(record, done))) {
            return false;
        }
        try {
            done.get(waitMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        long lastSweep = 0;
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                boolean sweep = System.currentTimeMillis() - lastSweep >= SWEEP_MILLIS;
                if (first == null && !sweep) {
                    continue;
                }
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
                // Staged records are looked for only when a writer waits for them, or every few seconds for those a
                // stop left behind: a batch of reads alone appends without touching the staging table.
                boolean chainStaged = sweep || batch.stream().anyMatch(p -> p.record() == null);
                commit(batch, chainStaged);
                if (sweep) {
                    lastSweep = System.currentTimeMillis();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch, boolean chainStaged) {
        List<Map<String, Object>> records = batch.stream().map(Pending::record).filter(Objects::nonNull).toList();
        try {
            Actors.asService(() -> {
                if (chainStaged) {
                    appender.chain(records);
                } else {
                    appender.append(records);
                }
                return null;
            });
            batch.forEach(p -> p.done().complete(null));
        } catch (RuntimeException e) {
            log.error("audit group commit of {} records failed: {}", records.size(), e.getClass().getName());
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        writer.join(TimeUnit.SECONDS.toMillis(10));
    }
}
