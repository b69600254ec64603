package com.ai2aim.rx.notifications.internal;

import com.ai2aim.rx.jobs.JobFailedException;
import com.ai2aim.rx.jobs.JobOutcome;
import com.ai2aim.rx.jobs.JobRun;
import com.ai2aim.rx.jobs.RxJob;
import com.ai2aim.rx.notifications.NotificationResult;
import com.ai2aim.rx.notifications.Notifications;
import com.ai2aim.rx.notifications.SendNotification;
import com.ai2aim.rx.platform.security.Role;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.prescriptions.ExpiringPrescription;
import com.ai2aim.rx.prescriptions.Prescriptions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * prescription-expiry-notifications: tells patients, and alerts the pharmacists of the filling pharmacy, about the
 * prescriptions still in use that expire within 7 days and again within 24 hours. A prescription is valid through its
 * expiry date (it ends at the next midnight in {@code RX_TIMEZONE}); "24h" is the ones ending within 24 hours of the
 * run's scheduled time, "7d" those ending after that and within 7 days. Every send carries the dedup key
 * {@code expiry:<window>:<prescriptionId>}, so a re-run, a retry or a run the next day sends nothing twice. The
 * pharmacists get one digest per pharmacy and group of newly told prescriptions (prescription numbers and dates only),
 * committed with those patients' notices. Due prescriptions are read in keyset pages; each group commits in one
 * transaction, audited by the notifications module.
 */
@Component
class NotifyExpiringPrescriptionsJob implements RxJob {

    static final String PATIENT_TEMPLATE = "prescription-expiring";
    /** One digest per pharmacy per group of newly told prescriptions: thousands of single alerts help nobody. */
    static final String STAFF_TEMPLATE = "prescription-expiring-digest";
    private static final int PAGE = 2_000;
    static final int GROUP = 50;
    static final int LISTED = 20;
    private static final Logger log = LoggerFactory.getLogger(NotifyExpiringPrescriptionsJob.class);

    private final Prescriptions prescriptions;
    private final Notifications notifications;
    private final NotificationRepository sent;
    private final TransactionTemplate transactions;
    private final TransactionTemplate perPatient;
    private final ChunkedSends sends;
    private final ZoneId zone;

    NotifyExpiringPrescriptionsJob(Prescriptions prescriptions, Notifications notifications, NotificationRepository sent,
                                   TransactionTemplate transactions, ChunkedSends sends,
                                   @Value("${rx.timezone:UTC}") String zone) {
        this.prescriptions = prescriptions;
        this.notifications = notifications;
        this.sent = sent;
        this.transactions = transactions;
        this.perPatient = new TransactionTemplate(transactions.getTransactionManager());
        this.perPatient.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.sends = sends;
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
            for (List<ExpiringPrescription> group : byPharmacy(page)) {
                sendGroup(group, window, tally);
            }
        }
        return tally;
    }

    /** The page's prescriptions by pharmacy, in groups of at most {@value #GROUP}: one staff digest per group. */
    static List<List<ExpiringPrescription>> byPharmacy(List<ExpiringPrescription> page) {
        Map<UUID, List<ExpiringPrescription>> byPharmacy = new LinkedHashMap<>();
        page.forEach(p -> byPharmacy.computeIfAbsent(pharmacyOf(p), k -> new ArrayList<>()).add(p));
        List<List<ExpiringPrescription>> groups = new ArrayList<>();
        byPharmacy.values().forEach(all -> {
            for (int i = 0; i < all.size(); i += GROUP) {
                groups.add(all.subList(i, Math.min(all.size(), i + GROUP)));
            }
        });
        return groups;
    }

    /**
     * Tells each patient of the group and the pharmacy's pharmacists in one transaction, so a prescription is in a
     * staff digest exactly when its patient notice commits: a retry never lists it twice, and never forgets it. A
     * patient the notifications module refuses costs only its savepoint; if the group fails otherwise, each
     * prescription is tried alone (ChunkedSends), so one bad record costs only itself.
     */
    private void sendGroup(List<ExpiringPrescription> group, Window window, Tally tally) {
        ChunkedSends.Outcome<Sent> outcome = sends.together(group, some -> send(some, window), ExpiringPrescription::prescriptionId);
        outcome.done().forEach(tally::add);
        tally.rejected += outcome.rejected();
        tally.failed += outcome.failed();
    }

    /** Needs the caller's transaction. */
    private Sent send(List<ExpiringPrescription> group, Window window) {
        List<ExpiringPrescription> told = new ArrayList<>();
        int refused = 0;
        for (ExpiringPrescription p : group) {
            try {
                // A savepoint per patient: one the notifications module refuses (gone, not eligible) costs only itself.
                NotificationResult patient = perPatient.execute(status -> notifications.send(SendNotification
                        .toPatient(p.patientId(), PATIENT_TEMPLATE, Map.of()).about(p.prescriptionId())
                        .once("expiry:" + window.name() + ":" + p.prescriptionId())));
                if (!patient.duplicate()) {
                    told.add(p);
                }
            } catch (ApiException e) {
                if (e.code().status().is5xxServerError()) {
                    throw e;
                }
                refused++;
                log.info("expiry notice for {} refused: {}", p.prescriptionId(), e.code());
            }
        }
        if (told.isEmpty()) {
            return new Sent(0, group.size() - refused, 0, refused);
        }
        String numbers = listed(told);
        long staff = notifications.alertStaff(pharmacyOf(told.get(0)), Role.PHARMACIST, STAFF_TEMPLATE,
                        Map.of("count", Integer.toString(told.size()), "window", window.label(), "prescriptionNumbers", numbers),
                        "expiry:" + window.name() + ":digest:" + told.get(0).prescriptionId())
                .stream().filter(r -> !r.duplicate()).count();
        return new Sent(told.size(), group.size() - told.size() - refused, staff, refused);
    }

    /**
     * The digest's list: numbers and dates of at most {@value #LISTED} prescriptions, then how many more, so it stays
     * within a template variable's size (the full list is each patient's own notice, and the API's list of the
     * pharmacy's expiring prescriptions).
     */
    static String listed(List<ExpiringPrescription> told) {
        String shown = told.stream().limit(LISTED).map(p -> p.rxNumber() + " (" + p.expiresOn() + ")")
                .collect(Collectors.joining(", "));
        return told.size() > LISTED ? shown + " and " + (told.size() - LISTED) + " more" : shown;
    }

    private static UUID pharmacyOf(ExpiringPrescription p) {
        return p.pharmacyId() != null ? p.pharmacyId() : p.orgId();
    }

    private record Sent(long patientsNew, long duplicates, long staffAlerts, long rejected) {}

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

        void add(Sent sent) {
            patients += sent.patientsNew();
            duplicates += sent.duplicates();
            staffAlerts += sent.staffAlerts();
            rejected += sent.rejected();
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
