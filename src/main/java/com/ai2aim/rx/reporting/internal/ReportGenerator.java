package com.ai2aim.rx.reporting.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.reporting.ReportReady;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates one report for the period before {@code due}: figures, CSV and PDF, stored, audited and announced with
 * {@link ReportReady} in one transaction. A report that exists for that kind and period is returned as it is.
 * Called by the jobs as the service, outside a transaction.
 */
@Component
class ReportGenerator {

    /** What happened: the report's id, whether it was new, and how many rows its sections hold. */
    record Generated(Optional<UUID> id, boolean created, long rows, ReportKind.Period period) {}

    private final ReportFigures figures;
    private final ReportRenderer renderer;
    private final ReportStore store;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final ZoneId zone;

    ReportGenerator(ReportFigures figures, ReportRenderer renderer, ReportStore store, TransactionTemplate transactions,
                    AuditTrail audit, ApplicationEventPublisher events, JsonMapper json,
                    @Value("${rx.timezone:UTC}") String zone) {
        this.figures = figures;
        this.renderer = renderer;
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.zone = ZoneId.of(zone);
    }

    Generated generate(ReportKind kind, Instant due, boolean dryRun) {
        ReportKind.Period period = kind.periodBefore(due, zone);
        return transactions.execute(status -> {
            Optional<UUID> existing = store.find(kind, period);
            if (existing.isPresent()) {
                return new Generated(existing, false, 0, period);
            }
            List<Section> sections = kind == ReportKind.WEEKLY ? figures.weekly(period) : figures.compliance(period, zone.getId());
            long rows = sections.stream().mapToLong(s -> s.rows().size()).sum();
            if (dryRun) {
                status.setRollbackOnly();
                return new Generated(Optional.empty(), false, rows, period);
            }
            String periodText = period.start() + " to " + period.end() + " (" + zone.getId() + ")";
            UUID id = store.insert(kind, period, json.writeValueAsString(summary(sections, period)), renderer.csv(sections),
                    renderer.pdf(kind.title(), periodText, sections));
            audit.recordChange(AuditEntry.of("report.create", "report", id).withDetails(Map.of("kind", kind.value())));
            events.publishEvent(new ReportReady(id, kind.value()));
            return new Generated(Optional.of(id), true, rows, period);
        });
    }

    private static Map<String, Object> summary(List<Section> sections, ReportKind.Period period) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("periodStart", period.start().toString());
        summary.put("periodEnd", period.end().toString());
        for (Section section : sections) {
            summary.put(section.key(), Map.of("columns", section.columns(), "rows", section.rows()));
        }
        return summary;
    }
}
