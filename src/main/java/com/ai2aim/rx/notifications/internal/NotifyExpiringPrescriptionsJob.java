package com.ai2aim.rx.notifications.internal;

import com.ai2aim.rx.jobs.JobFailedException;
import com.ai2aim.rx.jobs.JobOutcome;
import com.ai2aim.rx.jobs.JobRun;
import com.ai2aim.rx.jobs.RxJob;
import com.ai2aim.rx.notifications.NotificationResult;
import com.ai2aim.rx.notifications.Notifications;
import com.ai2aim.rx.notifications.SendNotification;
import com.ai2aim.rx.platform.security.Role;
import com.ai2aim.rx.prescriptions.ExpiringPrescription;
import com.ai2aim.rx.prescriptions.Prescriptions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * prescription-expiry-notifications: tells patients, and alerts the pharmacists of the filling pharmacy, about the
 * prescriptions still in use that expire within 7 days and again within 24 hours. A prescription is valid through its
 * expiry date (it ends at the next midnight in {@code RX_TIMEZONE}); "24h" is the ones ending within 24 hours of the
 * run's scheduled time, "7d" those ending after that and within 7 days. Every send carries the dedup key
 * {@code expiry:<window>:<prescriptionId>}, so a re-run, a retry or a run the next day sends nothing twice. Due
 * prescriptions are read in keyset pages; sends commit in chunks ({@link ChunkedSends}), each audited by the
 * notifications module.
 */
@Component
class NotifyExpiringPrescriptionsJob implements RxJob {

    static final String PATIENT_TEMPLATE = "prescription-expiring";
    static final String STAFF_TEMPLATE = "prescription-expiring-staff";
    private static final int PAGE = 500;

    private final Prescriptions prescriptions;
    private final Notifications notifications;
    private final NotificationRepository sent;
    private final ChunkedSends sends;
    private final TransactionTemplate transactions;
    private final ZoneId zone;

    NotifyExpiringPrescriptionsJob(Prescriptions prescriptions, Notifications notifications, NotificationRepository sent,
                                   ChunkedSends sends, TransactionTemplate transactions,
                                   @Value("${rx.timezone:UTC}") String zone) {
        this.prescriptions = prescriptions;
        this.notifications = notifications;
        this.sent = sent;
        this.sends = sends;
        this.transactions = transactions;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public String name() {
        return "prescription-expiry-notifications";
    }

    @Override
    public String defaultSchedule() {
        return "0 8 * * *";
    }

    @Override
    public String description() {
        return "Tells patients and their pharmacy's pharmacists about prescriptions expiring within 7 days and within 24 hours, once per window.";
    }

    /** A window of expiry dates, inclusive. */
    record Window(String name, String label, LocalDate from, LocalDate to) {}

    static List<Window> windows(ZonedDateTime now) {
        LocalDate in24h = now.plusHours(24).toLocalDate();
        return List.of(new Window("24h", "24 hours", now.toLocalDate(), in24h.minusDays(1)),
                new Window("7d", "7 days", in24h, now.plusDays(7).toLocalDate().minusDays(1)));
    }

    @Override
    public JobOutcome run(JobRun run) {
        Map<String, Object> details = new LinkedHashMap<>();
        long items = 0;
        long failed = 0;
        for (Window window : windows(run.scheduledFor().atZone(zone))) {
            Tally tally = run.dryRun() ? preview(window) : notify(window);
            items += tally.due;
            failed += tally.failed;
            details.put(window.name(), tally.asMap(run.dryRun()));
        }
        details.put("dryRun", run.dryRun());
        if (failed > 0) {
            // Counts only; the retry re-sends nothing that went out (dedup keys) and tries the failed ones again.
            throw new JobFailedException("EXPIRY_NOTICES_FAILED", failed + " of " + items + " expiry notices failed");
        }
        return new JobOutcome(items, details);
    }

    private Tally notify(Window window) {
        Tally tally = new Tally();
        for (List<ExpiringPrescription> page = page(window, null); !page.isEmpty(); page = page(window, page.get(page.size() - 1))) {
            tally.due += page.size();
            var outcome = sends.run(page, p -> send(p, window), ExpiringPrescription::prescriptionId);
            outcome.done().forEach(s -> tally.add(s.patientNew(), s.staffAlerts()));
            tally.rejected += outcome.rejected();
            tally.failed += outcome.failed();
        }
        return tally;
    }

    /** Needs the caller's transaction. */
    private Sent send(ExpiringPrescription p, Window window) {
        String key = "expiry:" + window.name() + ":" + p.prescriptionId();
        NotificationResult patient = notifications.send(
                SendNotification.toPatient(p.patientId(), PATIENT_TEMPLATE, Map.of()).about(p.prescriptionId()).once(key));
        List<NotificationResult> staff = notifications.alertStaff(p.pharmacyId(), Role.PHARMACIST, STAFF_TEMPLATE,
                Map.of("prescriptionNumber", p.rxNumber(), "expiresOn", p.expiresOn().toString(), "window", window.label()), key);
        return new Sent(!patient.duplicate(), staff.stream().filter(r -> !r.duplicate()).count());
    }

    private record Sent(boolean patientNew, long staffAlerts) {}

    /** What a run would send: the due prescriptions, and which of them were already told for this window. */
    private Tally preview(Window window) {
        Tally tally = new Tally();
        for (List<ExpiringPrescription> page = page(window, null); !page.isEmpty(); page = page(window, page.get(page.size() - 1))) {
            tally.due += page.size();
            List<ExpiringPrescription> due = page;
            long told = transactions.execute(status -> due.stream().filter(p -> sent.findByDedup(PATIENT_TEMPLATE,
                    p.patientId(), "expiry:" + window.name() + ":" + p.prescriptionId()).isPresent()).count());
            tally.duplicates += told;
            tally.patients += due.size() - told;
        }
        return tally;
    }

    private List<ExpiringPrescription> page(Window window, ExpiringPrescription after) {
        return prescriptions.expiringBetween(window.from(), window.to(), after, PAGE);
    }

    /** Counts for one window of one run. */
    private static final class Tally {
        long due;
        long patients;
        long duplicates;
        long staffAlerts;
        long rejected;
        long failed;

        void add(boolean patientNew, long staff) {
            if (patientNew) patients++; else duplicates++;
            staffAlerts += staff;
        }

        Map<String, Object> asMap(boolean dryRun) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("due", due);
            m.put(dryRun ? "wouldNotify" : "patientsNotified", patients);
            m.put(dryRun ? "alreadyNotified" : "skippedAsDuplicate", duplicates);
            if (!dryRun) {
                m.put("staffAlerts", staffAlerts);
                m.put("rejected", rejected);
                m.put("failed", failed);
            }
            return m;
        }
    }
}
