package com.ai2aim.rx.reporting.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ApiResponse;
import com.ai2aim.rx.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Reports", description = "Weekly operations and monthly compliance reports (global admins)")
@RestController
@RequestMapping("/api/reports")
@PreAuthorize("hasRole('ADMIN')")
class ReportController {

    private final ReportStore store;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;

    ReportController(ReportStore store, TransactionTemplate transactions, AuditTrail audit) {
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
    }

    @Operation(summary = "List reports (global admin)", description = "Newest first. Filter: kind (weekly, compliance). "
            + "Sort: createdAt, periodStart.")
    @GetMapping
    ApiResponse<List<ReportView>> list(@RequestParam(required = false) String kind, @RequestParam(required = false) String page,
                                       @RequestParam(required = false) String limit, @RequestParam(required = false) String sort) {
        requireGlobalAdmin();
        if (kind != null && ReportKind.of(kind) == null) {
            throw ApiException.invalid("kind", "must be weekly or compliance");
        }
        PageQuery paging = PageQuery.of(page, limit, sort, ReportStore.SORTABLE, "created_at desc, id");
        return ApiResponse.page(transactions.execute(status -> store.page(kind, paging)));
    }

    @Operation(summary = "One report with its figures (global admin)")
    @GetMapping("/{id}")
    ApiResponse<ReportView> get(@PathVariable UUID id) {
        requireGlobalAdmin();
        ReportView view = transactions.execute(status -> store.view(id)).orElseThrow(() -> ApiException.notFound("Report"));
        audit.recordAccess(AuditEntry.of("report.read", "report", id));
        return ApiResponse.ok(view);
    }

    @Operation(summary = "Download a report as CSV or PDF (global admin)", description = "format: csv (default) or pdf. "
            + "The PDF has tables and bar charts; the CSV has every row.")
    @GetMapping(value = "/{id}/download", produces = {"text/csv", "application/pdf", "application/json"})
    ResponseEntity<byte[]> download(@PathVariable UUID id, @RequestParam(required = false) String format) {
        requireGlobalAdmin();
        String chosen = format == null ? "csv" : format;
        if (!chosen.equals("csv") && !chosen.equals("pdf")) {
            throw ApiException.invalid("format", "must be csv or pdf");
        }
        byte[] body = transactions.execute(status -> chosen.equals("csv")
                ? store.csv(id).map(text -> text.getBytes(StandardCharsets.UTF_8)) : store.pdf(id))
                .orElseThrow(() -> ApiException.notFound("Report"));
        audit.recordAccess(AuditEntry.of("report.download", "report", id).withDetails(Map.of("format", chosen)));
        MediaType type = chosen.equals("csv") ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_PDF;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("report-" + id + "." + chosen)
                        .build().toString())
                .body(body);
    }

    private static void requireGlobalAdmin() {
        // Reports span every organisation, like the audit chain; an organisation admin would learn others' volumes.
        if (!Actors.required().isGlobalAdmin()) {
            throw ApiException.forbidden();
        }
    }
}
