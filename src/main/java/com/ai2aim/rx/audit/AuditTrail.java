package com.ai2aim.rx.audit;

import com.ai2aim.rx.audit.internal.AccessAuditWriter;
import com.ai2aim.rx.audit.internal.AuditRecordFactory;
import com.ai2aim.rx.audit.internal.ChainAppender;
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
    private final AccessAuditWriter accessWriter;

    AuditTrail(AuditRecordFactory records, ChainAppender appender, AccessAuditWriter accessWriter) {
        this.records = records;
        this.appender = appender;
        this.accessWriter = accessWriter;
    }

    /**
     * Records a mutation inside the current transaction. Records are appended to the chain just before commit, so
     * the chain's lock is held only for the commit itself.
     */
    public void recordChange(AuditEntry entry) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("recordChange needs the transaction that makes the change");
        }
        pendingForTransaction().add(records.toRecord(entry));
    }

    /** Records a read of PHI or user data; returns when it is committed (group commit with other requests). */
    public void recordAccess(AuditEntry entry) {
        accessWriter.append(records.toRecord(entry));
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
                appender.append(pending);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
            }
        });
        return pending;
    }
}
