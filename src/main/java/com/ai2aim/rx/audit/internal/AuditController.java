package com.ai2aim.rx.audit.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ApiResponse;
import com.ai2aim.rx.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Audit", description = "The hash-chained audit trail (admins)")
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private final AuditQueries queries;
    private final AuditStats stats;
    private final ChainVerifier verifier;
    private final AuditTrail trail;

    AuditController(AuditQueries queries, AuditStats stats, ChainVerifier verifier, AuditTrail trail) {
        this.queries = queries;
        this.stats = stats;
        this.verifier = verifier;
        this.trail = trail;
    }

    @Operation(summary = "List audit records", description = "Filters: actor, action, resourceType, resourceId, from, to (ISO-8601).")
    @GetMapping("/logs")
    ApiResponse<List<AuditLogView>> list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                                         @RequestParam(required = false) String resourceType, @RequestParam(required = false) String resourceId,
                                         @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                         @RequestParam(required = false) String page, @RequestParam(required = false) String limit,
                                         @RequestParam(required = false) String sort) {
        AuditFilter filter = AuditFilter.of(actor, action, resourceType, resourceId, from, to);
        PageQuery paging = PageQuery.of(page, limit, sort, AuditQueries.SORTABLE, "seq desc");
        var result = queries.list(filter, paging);
        trail.recordAccess(AuditEntry.of("audit.list", "audit_log", null).withDetails(Map.of("count", result.items().size())));
        return ApiResponse.page(result);
    }

    @Operation(summary = "One audit record")
    @GetMapping("/logs/{id}")
    ApiResponse<AuditLogView> get(@PathVariable UUID id) {
        AuditLogView view = queries.find(id).orElseThrow(() -> ApiException.notFound("Audit record"));
        trail.recordAccess(AuditEntry.of("audit.read", "audit_log", id));
        return ApiResponse.ok(view);
    }

    @Operation(summary = "Export audit records as CSV", description = "Streamed; same filters as the list.")
    @GetMapping(value = "/export", produces = "text/csv")
    void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String resourceType, @RequestParam(required = false) String resourceId,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                HttpServletResponse response) throws IOException {
        AuditFilter filter = AuditFilter.of(actor, action, resourceType, resourceId, from, to);
        trail.recordAccess(AuditEntry.of("audit.export", "audit_log", null));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024)) {
            queries.exportCsv(filter, out);
        }
    }

    @Operation(summary = "Counts by action, resource type and day, and failed sign-ins")
    @GetMapping("/stats")
    ApiResponse<AuditStats.Summary> stats(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        AuditStats.Summary summary = stats.summarise(AuditFilter.of(null, null, null, null, from, to));
        trail.recordAccess(AuditEntry.of("audit.stats", "audit_log", null));
        return ApiResponse.ok(summary);
    }

    @Operation(summary = "Verify the hash chain (global admin)", description = "Walks every record; names the first broken one.")
    @GetMapping("/verify")
    ApiResponse<ChainVerifier.Result> verify() {
        if (!com.ai2aim.rx.platform.security.Actors.required().isGlobalAdmin()) {
            // The chain spans every organisation; an organisation admin would learn other organisations' volumes.
            throw ApiException.forbidden();
        }
        ChainVerifier.Result result = verifier.verify();
        trail.recordAccess(AuditEntry.of("audit.verify", "audit_log", null).withDetails(Map.of("valid", result.valid())));
        return ApiResponse.ok(result);
    }
}
