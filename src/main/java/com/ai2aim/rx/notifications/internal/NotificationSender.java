package com.ai2aim.rx.notifications.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.notifications.NotificationResult;
import com.ai2aim.rx.notifications.SendNotification;
import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.web.ApiException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A send, inside the caller's transaction: check the request, find the recipient and the records it is about (under
 * the caller's row-level security), render every chosen channel (a missing variable is a 400 and nothing is written),
 * decide each channel, and write the notification and its deliveries. The outbox worker is woken after commit.
 */
@Component
public class NotificationSender {

    private final SendInputs inputs;
    private final SendContext context;
    private final TemplateRepository templates;
    private final NotificationRepository notifications;
    private final Map<String, NotificationChannel> channels;
    private final OutboxWorker worker;
    private final NotificationMetrics metrics;
    private final AuditTrail audit;
    private final Clock clock = Clock.systemUTC();

    NotificationSender(SendInputs inputs, SendContext context, TemplateRepository templates,
                       NotificationRepository notifications, List<NotificationChannel> channels, OutboxWorker worker,
                       NotificationMetrics metrics, AuditTrail audit) {
        this.inputs = inputs;
        this.context = context;
        this.templates = templates;
        this.notifications = notifications;
        this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
        this.worker = worker;
        this.metrics = metrics;
        this.audit = audit;
    }

    /** Needs an open transaction (the caller's). */
    public NotificationResult send(SendNotification request) {
        inputs.check(request);
        Actor actor = Actors.required();
        SendContext.Resolved resolved = context.resolve(request, actor);
        DeliveryPolicy.Recipient to = resolved.recipient();
        UUID recipientKey = to.isPatient() ? to.patientId() : to.userId();
        if (request.dedupKey() != null) {
            var existing = notifications.findByDedup(request.template(), recipientKey, request.dedupKey());
            if (existing.isPresent()) {
                return duplicate(existing.get());
            }
        }
        Map<String, TemplateView> chosen = choose(request, to);
        Map<String, Rendered> rendered = new LinkedHashMap<>();
        chosen.forEach((channel, t) -> rendered.put(channel, render(channel, t, resolved.variables())));
        return write(request, actor, resolved, rendered);
    }

    /** {@code html} is null unless the template has an HTML body, which only email templates may have. */
    private record Rendered(String subject, String body, String html) {}

    private static Rendered render(String channel, TemplateView t, Map<String, String> variables) {
        String field = "template." + channel + ".";
        return new Rendered(TemplateRenderer.render(field + "subject", t.subject(), variables),
                TemplateRenderer.render(field + "body", t.body(), variables),
                TemplateRenderer.renderHtml(field + "htmlBody", t.htmlBody(), variables));
    }

    private NotificationResult write(SendNotification request, Actor actor, SendContext.Resolved resolved,
                                     Map<String, Rendered> rendered) {
        DeliveryPolicy.Recipient to = resolved.recipient();
        var now = clock.instant();
        Map<String, DeliveryPolicy.Decision> decisions = new LinkedHashMap<>();
        rendered.keySet().forEach(channel -> decisions.put(channel,
                DeliveryPolicy.decide(channel, channels.get(channel).configured(), to, now)));
        Rendered inApp = "queued".equals(decisions.getOrDefault("in_app", DeliveryPolicy.Decision.skipped("")).status())
                ? rendered.get("in_app") : null;
        UUID orgId = actor.orgId() != null ? actor.orgId() : to.orgId();
        var created = notifications.insert(new NotificationRepository.NewNotification(orgId, to.userId(), to.patientId(),
                request.template(), request.prescriptionId(), request.dedupKey(),
                inApp == null ? null : inApp.subject(), inApp == null ? null : inApp.body(), actor.userId()));
        if (created.isEmpty()) {
            // A concurrent send with the same dedup key won the race.
            UUID key = to.isPatient() ? to.patientId() : to.userId();
            return duplicate(notifications.findByDedup(request.template(), key, request.dedupKey()).orElseThrow());
        }
        UUID id = created.get();
        decisions.forEach((channel, d) -> {
            boolean queued = "queued".equals(d.status());
            Rendered r = rendered.get(channel);
            notifications.insertDelivery(new NotificationRepository.NewDelivery(id, orgId, to.userId(), channel,
                    d.status(), d.reason(), queued ? d.destination() : null, queued ? r.subject() : null,
                    queued ? r.body() : null, queued ? r.html() : null, d.notBefore()));
            metrics.delivery(channel, queued ? "queued" : "skipped");
        });
        audit.recordChange(AuditEntry.of("notification.send", "notification", id).inOrganisation(orgId)
                .changed(List.of("notification", "deliveries"))
                .withDetails(auditDetails(request, to, decisions)));
        wakeWorkerAfterCommit();
        return new NotificationResult(id, to.patientId(), to.userId(), false, notifications.deliveries(id));
    }

    private static Map<String, Object> auditDetails(SendNotification request, DeliveryPolicy.Recipient to,
                                                    Map<String, DeliveryPolicy.Decision> decisions) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("template", request.template());
        if (to.patientId() != null) details.put("patientId", to.patientId().toString());
        if (to.userId() != null) details.put("userId", to.userId().toString());
        if (request.prescriptionId() != null) details.put("prescriptionId", request.prescriptionId().toString());
        decisions.forEach((channel, d) -> details.put(channel, d.reason() == null ? d.status() : d.status() + ":" + d.reason()));
        return details;
    }

    /**
     * The channels to render: those asked for (each must have a template), else the patient's preferred channels that
     * the template has, else every channel it has.
     */
    private Map<String, TemplateView> choose(SendNotification request, DeliveryPolicy.Recipient to) {
        Map<String, TemplateView> available = templates.activeFor(request.template(), to.language()).stream()
                .collect(Collectors.toMap(TemplateView::channel, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        if (available.isEmpty()) {
            throw ApiException.invalid("template", "no active template has this key");
        }
        Map<String, TemplateView> chosen = new LinkedHashMap<>();
        if (!request.channels().isEmpty()) {
            for (String channel : request.channels()) {
                TemplateView t = available.get(channel);
                if (t == null) {
                    throw ApiException.invalid("channels", "the template has no " + channel + " version");
                }
                chosen.put(channel, t);
            }
            return chosen;
        }
        List<String> preferred = to.preferredChannels();
        available.forEach((channel, t) -> {
            if (preferred.isEmpty() || preferred.contains(channel)) {
                chosen.put(channel, t);
            }
        });
        return chosen.isEmpty() ? available : chosen;
    }

    private NotificationResult duplicate(NotificationRepository.Existing existing) {
        return new NotificationResult(existing.id(), existing.patientId(), existing.userId(), true,
                notifications.deliveries(existing.id()));
    }

    private void wakeWorkerAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.wake();
            }
        });
    }
}
