package com.ai2aim.rx.prescriptions.internal;

import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.prescriptions.PrescriptionChanged;
import com.ai2aim.rx.prescriptions.PrescriptionStatus;
import com.ai2aim.rx.prescriptions.PrescriptionView;
import com.ai2aim.rx.prescriptions.PrescriptionWritten;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Verifies a prescription by itself once it is written or changed. The events come through Modulith's JDBC
 * publication registry, so one left undelivered by a stop is sent again; verifying only prescriptions still pending
 * and unverified makes a second delivery harmless. The listener thread has no signed-in user, so the work runs as
 * the service in a transaction opened here, not by the (non-transactional) listener method.
 */
@Component
class VerifyWrittenPrescriptions {

    static final int ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(VerifyWrittenPrescriptions.class);

    private final PrescriptionRepository prescriptions;
    private final PrescriptionVerification verification;
    private final TransactionTemplate transactions;

    VerifyWrittenPrescriptions(PrescriptionRepository prescriptions, PrescriptionVerification verification,
                               TransactionTemplate transactions) {
        this.prescriptions = prescriptions;
        this.verification = verification;
        this.transactions = transactions;
    }

    @Async
    @TransactionalEventListener
    void on(PrescriptionWritten event) {
        verify(event.prescriptionId());
    }

    @Async
    @TransactionalEventListener
    void on(PrescriptionChanged event) {
        verify(event.prescriptionId());
    }

    void verify(UUID id) {
        for (int attempt = 1; ; attempt++) {
            try {
                Actors.asService(() -> transactions.execute(status -> verifyIfDue(id)));
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    // Rules that keep failing must not hold the prescription up: a pharmacist checks it by hand.
                    log.warn("Automatic verification of prescription {} failed {} times; left for manual review", id, attempt, e);
                    Actors.asService(() -> transactions.execute(status -> markManualIfDue(id)));
                    return;
                }
            }
        }
    }

    private Boolean verifyIfDue(UUID id) {
        if (!due(id)) {
            return false;
        }
        verification.verify(id);
        return true;
    }

    private Boolean markManualIfDue(UUID id) {
        if (!due(id)) {
            return false;
        }
        verification.markManual(id);
        return true;
    }

    /** Locks the row so two deliveries of the same event cannot both verify it. */
    private boolean due(UUID id) {
        return prescriptions.lock(id)
                .filter(p -> p.lifecycleStatus() == PrescriptionStatus.PENDING && p.verificationStatus() == null)
                .isPresent();
    }
}
