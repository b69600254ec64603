package com.ai2aim.rx.notifications.internal;

import com.ai2aim.rx.documents.DocumentNeedsReview;
import com.ai2aim.rx.identity.Users;
import com.ai2aim.rx.jobs.JobAlerted;
import com.ai2aim.rx.notifications.Notifications;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.security.Role;
import com.ai2aim.rx.prescriptions.PrescriptionNeedsManualVerification;
import com.ai2aim.rx.prescriptions.PrescriptionView;
import com.ai2aim.rx.prescriptions.Prescriptions;
import com.ai2aim.rx.reporting.ReportReady;
import java.util.Map;
import java.util.UUID;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns other modules' events into alerts to the people who must act: a prescription left for manual verification
 * goes to its pharmacy's pharmacists; a document whose extraction needs checking goes to whoever uploaded it; a job
 * that failed, missed its schedule or recovered, and a report that is ready, go to the global admins. Events arrive
 * through Modulith's JDBC outbox (redelivered after a stop), and every send carries a dedup key naming the occasion,
 * so a redelivery alerts nobody twice. Each alert runs as the service in one transaction opened here (the listeners
 * themselves are not transactional: the service role is entered outside one).
 */
@Component
class OperationalAlerts {

    private final Notifications notifications;
    private final Prescriptions prescriptions;
    private final Users users;
    private final TransactionTemplate transactions;

    OperationalAlerts(Notifications notifications, Prescriptions prescriptions, Users users, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.notifications = notifications;
        this.prescriptions = prescriptions;
        this.users = users;
    }

    @Async
    @TransactionalEventListener
    void on(PrescriptionNeedsManualVerification event) {
        Actors.asService(() -> transactions.execute(status -> {
            PrescriptionView prescription = prescriptions.find(event.prescriptionId()).orElse(null);
            if (prescription == null) {
                return null;
            }
            UUID pharmacy = event.pharmacyId() != null ? event.pharmacyId() : event.orgId();
            return notifications.alertStaff(pharmacy, Role.PHARMACIST, "verification-needs-review",
                    Map.of("prescriptionNumber", prescription.rxNumber()), "manual-verification:" + event.prescriptionId());
        }));
    }

    @Async
    @TransactionalEventListener
    void on(DocumentNeedsReview event) {
        Actors.asService(() -> transactions.execute(status -> notifications.notifyUser(event.uploaderUserId(),
                "document-needs-review", Map.of("documentId", event.documentId().toString()),
                "document-review:" + event.documentId())));
    }

    @Async
    @TransactionalEventListener
    void on(JobAlerted event) {
        boolean resolved = event.kind() == JobAlerted.Kind.RESOLVED;
        String dedup = "job-alert:" + event.key() + ":" + event.kind() + ":" + event.at();
        Map<String, String> variables = Map.of("jobName", event.jobName(), resolved ? "resolvedAt" : "failedAt",
                event.at().toString(), "alertKind", event.kind().name().toLowerCase(),
                "errorCode", event.errorCode() == null ? "none" : event.errorCode());
        toGlobalAdmins(resolved ? "job-recovered" : "job-failed", variables, dedup);
    }

    @Async
    @TransactionalEventListener
    void on(ReportReady event) {
        toGlobalAdmins("report-ready", Map.of("reportId", event.reportId().toString(), "reportKind", event.kind()),
                "report-ready:" + event.reportId());
    }

    private void toGlobalAdmins(String template, Map<String, String> variables, String dedupKey) {
        Actors.asService(() -> transactions.execute(status -> {
            users.activeGlobalAdmins().forEach(admin -> notifications.notifyUser(admin.id(), template, variables, dedupKey));
            return null;
        }));
    }
}
