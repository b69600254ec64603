package com.ai2aim.rx.notifications.internal;

import com.ai2aim.rx.platform.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a job's sends for one page of due items in few transactions: {@value #CHUNK} items commit together (one audit
 * append and one commit for all of them, instead of one each). When a chunk fails, its items are tried again one per
 * transaction, so a bad record costs only itself and the rest are not lost. Results are returned only for committed
 * work, so a rolled-back chunk is never counted. Call as the service, outside any transaction.
 */
@Component
class ChunkedSends {

    static final int CHUNK = 25;
    private static final Logger log = LoggerFactory.getLogger(ChunkedSends.class);

    private final TransactionTemplate transactions;

    ChunkedSends(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    /**
     * @param rejected items the notifications module refused (a 4xx: the patient or prescription is gone or not
     *                 eligible); {@code failed}: other errors, by exception type only
     */
    record Outcome<R>(List<R> done, int rejected, int failed) {}

    <T, R> Outcome<R> run(List<T> items, Function<T, R> send, Function<T, Object> idOf) {
        List<R> done = new ArrayList<>();
        int rejected = 0;
        int failed = 0;
        for (int start = 0; start < items.size(); start += CHUNK) {
            Outcome<List<R>> chunk = together(items.subList(start, Math.min(items.size(), start + CHUNK)),
                    some -> some.stream().map(send).toList(), idOf);
            chunk.done().forEach(done::addAll);
            rejected += chunk.rejected();
            failed += chunk.failed();
        }
        return new Outcome<>(done, rejected, failed);
    }

    /**
     * Sends {@code group} in one transaction; if that fails, each item in a transaction of its own (as a group of one),
     * so a bad record costs only itself. {@code done} holds one result per committed transaction.
     */
    <T, R> Outcome<R> together(List<T> group, Function<List<T>, R> send, Function<T, Object> idOf) {
        try {
            R all = transactions.execute(status -> send.apply(group));
            return new Outcome<>(List.of(all), 0, 0);
        } catch (RuntimeException groupFailure) {
            log.debug("a group of {} sends failed ({}); trying them one by one", group.size(), groupFailure.getClass().getSimpleName());
        }
        List<R> done = new ArrayList<>();
        int rejected = 0;
        int failed = 0;
        for (T item : group) {
            try {
                done.add(transactions.execute(status -> send.apply(List.of(item))));
            } catch (ApiException refused) {
                if (refused.code().status().is5xxServerError()) {
                    failed++;
                } else {
                    rejected++;
                }
                log.info("send for {} refused: {}", idOf.apply(item), refused.code());
            } catch (RuntimeException e) {
                failed++;
                log.warn("send for {} failed: {}", idOf.apply(item), e.getClass().getSimpleName());
            }
        }
        return new Outcome<>(done, rejected, failed);
    }
}
