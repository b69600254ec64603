package com.ai2aim.rx.notifications.internal;

import com.ai2aim.rx.jobs.JobFailedException;
import com.ai2aim.rx.jobs.JobOutcome;
import com.ai2aim.rx.jobs.JobRun;
import com.ai2aim.rx.jobs.RxJob;
import com.ai2aim.rx.notifications.Notifications;
import com.ai2aim.rx.notifications.SendNotification;
import com.ai2aim.rx.prescriptions.EndingSupply;
import com.ai2aim.rx.prescriptions.Prescriptions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * refill-reminders: reminds patients whose supply runs out within {@code rx.jobs.refill-reminders.days-ahead} days
 * ({@code RX_REFILL_REMINDER_DAYS}, 3) of the run's scheduled time and who have refills left. The supply is the latest
 * fill's date plus the prescription's days supply; the dedup key {@code refill:<fillId>} makes it once per fill, so
 * the daily runs that see the same fill again, and re-runs, send nothing more. Read in keyset pages, sent in chunks.
 */
@Component
class RemindRefillsJob implements RxJob {

    static final String TEMPLATE = "refill-reminder";
    private static final int PAGE = 500;

    private final Prescriptions prescriptions;
    private final Notifications notifications;
    private final NotificationRepository sent;
    private final ChunkedSends sends;
    private final TransactionTemplate transactions;
    private final Duration ahead;
    private final ZoneId zone;

    RemindRefillsJob(Prescriptions prescriptions, Notifications notifications, NotificationRepository sent,
                     ChunkedSends sends, TransactionTemplate transactions,
                     @Value("${rx.jobs.refill-reminders.days-ahead:3}") int daysAhead,
                     @Value("${rx.timezone:UTC}") String zone) {
        if (daysAhead < 1) {
            throw new IllegalArgumentException("rx.jobs.refill-reminders.days-ahead must be at least 1");
        }
        this.prescriptions = prescriptions;
        this.notifications = notifications;
        this.sent = sent;
        this.sends = sends;
        this.transactions = transactions;
        this.ahead = Duration.ofDays(daysAhead);
        this.zone = ZoneId.of(zone);
    }

    @Override
    public String name() {
        return "refill-reminders";
    }

    @Override
    public String defaultSchedule() {
        return "0 9 * * *";
    }

    @Override
    public String description() {
        return "Reminds patients with refills left whose last fill's supply runs out within the configured days, once per fill.";
    }

    @Override
    public JobOutcome run(JobRun run) {
        Instant from = run.scheduledFor();
        Instant to = from.plus(ahead);
        long due = 0, reminded = 0, duplicates = 0, rejected = 0, failed = 0;
        for (List<EndingSupply> page = page(from, to, null); !page.isEmpty(); page = page(from, to, page.get(page.size() - 1).prescriptionId())) {
            due += page.size();
            if (run.dryRun()) {
                long told = alreadyReminded(page);
                duplicates += told;
                reminded += page.size() - told;
                continue;
            }
            var outcome = sends.run(page, this::send, EndingSupply::fillId);
            long fresh = outcome.done().stream().filter(Boolean::booleanValue).count();
            reminded += fresh;
            duplicates += outcome.done().size() - fresh;
            rejected += outcome.rejected();
            failed += outcome.failed();
        }
        if (failed > 0) {
            throw new JobFailedException("REFILL_REMINDERS_FAILED", failed + " of " + due + " refill reminders failed");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("due", due);
        details.put(run.dryRun() ? "wouldRemind" : "reminded", reminded);
        details.put(run.dryRun() ? "alreadyReminded" : "skippedAsDuplicate", duplicates);
        if (!run.dryRun()) details.put("rejected", rejected);
        details.put("daysAhead", ahead.toDays());
        details.put("dryRun", run.dryRun());
        return new JobOutcome(due, details);
    }

    /** True when a new reminder was written; needs the caller's transaction. */
    private boolean send(EndingSupply supply) {
        return !notifications.send(SendNotification.toPatient(supply.patientId(), TEMPLATE, Map.of())
                .about(supply.prescriptionId()).once(dedupKey(supply.fillId()))).duplicate();
    }

    private long alreadyReminded(List<EndingSupply> page) {
        return transactions.execute(status -> page.stream()
                .filter(s -> sent.findByDedup(TEMPLATE, s.patientId(), dedupKey(s.fillId())).isPresent()).count());
    }

    static String dedupKey(UUID fillId) {
        return "refill:" + fillId;
    }

    private List<EndingSupply> page(Instant from, Instant to, UUID after) {
        return prescriptions.suppliesEndingBetween(from, to, from.atZone(zone).toLocalDate(), after, PAGE);
    }
}
