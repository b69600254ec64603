package com.ai2aim.rx.audit;

import com.ai2aim.rx.platform.db.PriorityLane;
import com.ai2aim.rx.audit.internal.AuditRecordFactory;
import com.ai2aim.rx.audit.internal.ChainBarrier;
import com.ai2aim.rx.audit.internal.ChainAppender;
import com.ai2aim.rx.audit.internal.ChainWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The module's API. {@link #recordChange} joins the caller's transaction (the record commits or rolls back with
 * the change); {@link #recordAccess} stands alone and returns once the record is durable.
 */
@Component
public class AuditTrail {

    private final AuditRecordFactory records;
    private final ChainAppender appender;
    private final ChainWriter writer;
    private final ChainBarrier barrier;

    AuditTrail(AuditRecordFactory records, ChainAppender appender, ChainWriter writer, ChainBarrier barrier) {
        this.records = records;
        this.appender = appender;
        this.writer = writer;
        this.barrier = barrier;
    }

    /**
     * Records a mutation inside the current transaction. The records are staged just before commit (committing or
     * rolling back with the change) and, once it has committed, the caller waits until they are in the chain, so what
     * the response reports is already in the trail; a web request waits just before its response is written, when
     * its connection is back in the pool ({@link ChainBarrier}).
     */
    public void recordChange(AuditEntry entry) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("recordChange needs the transaction that makes the change");
        }
        pendingForTransaction().add(records.toRecord(entry));
    }

    /**
     * Records a read of PHI or user data; returns when it is committed. Usually that is a group commit with other
     * requests' records by the chain writer, which the caller waits for. In the {@link PriorityLane} the record is
     * staged in a round trip of the caller's own instead (a durable commit, without waiting for the writer's batches)
     * and chained a moment later, as a change's records are.
     */
    public void recordAccess(AuditEntry entry) {
        Map<String, Object> record = records.toRecord(entry);
        if (PriorityLane.active() && !TransactionSynchronizationManager.isActualTransactionActive()) {
            appender.stageAlone(List.of(record));
            barrier.committed(); // in the lane: asks for the chaining, does not wait for it
        } else {
            writer.append(record);
        }
    }

    /**
     * An access record for the reading statement to stage itself, as JSON for {@code rx.audit_stage_access(entry,
     * org)}: the read and its record then commit together in the read's one round trip, and the record takes the
     * organisation the statement read (replacing the entry's). Once that statement has committed, call
     * {@link #accessStaged()}. For reads a caller waits on, where a second durable round trip would cost as much as
     * the read.
     */
    public String accessForStatement(AuditEntry entry) {
        return appender.json(records.toRecord(entry));
    }

    /** After a statement staged an {@link #accessForStatement} record: chained as a change's records are. */
    public void accessStaged() {
        barrier.committed();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> pendingForTransaction() {
        Object existing = TransactionSynchronizationManager.getResource(this);
        if (existing != null) {
            return (List<Map<String, Object>>) existing;
        }
        List<Map<String, Object>> pending = new ArrayList<>();
        TransactionSynchronizationManager.bindResource(this, pending);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                appender.stage(pending);
            }

            @Override
            public void afterCommit() {
                barrier.committed();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
            }
        });
        return pending;
    }
}
