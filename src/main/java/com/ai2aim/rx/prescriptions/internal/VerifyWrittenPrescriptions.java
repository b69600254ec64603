package com.ai2aim.rx.prescriptions.internal;

import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.prescriptions.PrescriptionChanged;
import com.ai2aim.rx.prescriptions.PrescriptionWritten;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.ai2aim.rx.platform.web.ApiException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Verifies a prescription by itself once it is written or changed. The events come through Modulith's JDBC
 * publication registry, so one left undelivered by a stop is sent again; verifying only prescriptions still pending
 * and unverified makes a second delivery harmless. The listener thread has no signed-in user, so the work runs as
 * the service. A failure is retried with back-off (Resilience4j); a rule violation the rules report (a 4xx) is not
 * retried, since it would fail the same way.
 */
@Component
class VerifyWrittenPrescriptions {

    static final int ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(VerifyWrittenPrescriptions.class);

    private final PrescriptionVerification verification;
    private final TransactionTemplate transactions;
    private final Retry retry;

    VerifyWrittenPrescriptions(PrescriptionVerification verification, TransactionTemplate transactions,
                               @Value("${rx.prescriptions.verification.retry-backoff:200ms}") Duration backoff) {
        this.verification = verification;
        this.transactions = transactions;
        this.retry = Retry.of("prescription-verification", RetryConfig.custom().maxAttempts(ATTEMPTS)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(backoff, 2.0))
                .retryOnException(e -> !(e instanceof ApiException api) || api.code().status().is5xxServerError())
                .build());
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
        try {
            Retry.decorateRunnable(retry, () -> Actors.asService(() -> verification.verifyIfUnverified(id))).run();
        } catch (RuntimeException e) {
            // Rules that keep failing must not hold the prescription up: a pharmacist checks it by hand, and is told.
            log.warn("Automatic verification of prescription {} failed {} times ({}); left for manual review",
                    id, ATTEMPTS, e.getClass().getSimpleName());
            Actors.asService(() -> transactions.execute(status -> {
                verification.markManualIfUnverified(id);
                return null;
            }));
        }
    }
}
