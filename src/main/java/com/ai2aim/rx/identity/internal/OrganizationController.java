package com.ai2aim.rx.identity.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ApiResponse;
import com.ai2aim.rx.platform.web.ETags;
import com.ai2aim.rx.platform.web.ErrorCode;
import com.ai2aim.rx.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Organizations", description = "Pharmacies and clinics (admin)")
@RestController
@RequestMapping("/api/organizations")
@PreAuthorize("hasRole('ADMIN')")
class OrganizationController {

    private final OrganizationRepository organizations;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    OrganizationController(OrganizationRepository organizations, AuditTrail audit, TransactionTemplate transactions) {
        this.organizations = organizations;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Operation(summary = "List organisations", description = "A global admin sees all; an organisation admin their own.")
    @GetMapping
    ApiResponse<List<OrganizationView>> list(@RequestParam(required = false) String page, @RequestParam(required = false) String limit,
                                             @RequestParam(required = false) String sort) {
        PageQuery paging = PageQuery.of(page, limit, sort, OrganizationRepository.SORTABLE, "created_at, id");
        return ApiResponse.page(transactions.execute(s -> organizations.list(paging)));
    }

    @Operation(summary = "Create an organisation (global admin)")
    @PostMapping
    ResponseEntity<ApiResponse<OrganizationView>> create(@Valid @RequestBody OrganizationRequests.Create body) {
        if (!com.ai2aim.rx.platform.security.Actors.required().isGlobalAdmin()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only a global admin may create organisations");
        }
        OrganizationView created = transactions.execute(s -> {
            UUID id = organizations.insert(body);
            audit.recordChange(AuditEntry.of("organization.create", "organization", id).inOrganisation(id)
                    .changed(List.of("name", "kind", "npi", "phone", "email", "address")));
            return organizations.find(id).orElseThrow();
        });
        return ResponseEntity.created(URI.create("/api/organizations/" + created.id())).eTag(ETags.of(created.version()))
                .body(ApiResponse.ok(created));
    }

    @Operation(summary = "One organisation")
    @GetMapping("/{id}")
    ResponseEntity<ApiResponse<OrganizationView>> get(@PathVariable UUID id) {
        OrganizationView org = transactions.execute(s -> organizations.find(id)).orElseThrow(() -> ApiException.notFound("Organization"));
        return ETags.ok(org, org.version());
    }

    @Operation(summary = "Update an organisation", description = "If-Match guards against lost updates.")
    @PutMapping("/{id}")
    ResponseEntity<ApiResponse<OrganizationView>> update(@PathVariable UUID id, @Valid @RequestBody OrganizationRequests.Update body,
                                                         @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Integer expected = ETags.expectedVersion(ifMatch);
        OrganizationView updated = transactions.execute(s -> {
            OrganizationView current = organizations.find(id).orElseThrow(() -> ApiException.notFound("Organization"));
            List<String> changed = changedFields(body);
            if (changed.isEmpty()) {
                // Nothing to change: bumping the version would invalidate every client's ETag for no edit.
                if (expected != null && expected != current.version()) {
                    throw ETags.stale();
                }
                return current;
            }
            if (!organizations.update(id, expected, body)) {
                throw ETags.stale();
            }
            audit.recordChange(AuditEntry.of("organization.update", "organization", id).inOrganisation(id).changed(changed));
            return organizations.find(id).orElseThrow();
        });
        return ETags.ok(updated, updated.version());
    }

    private static List<String> changedFields(OrganizationRequests.Update body) {
        List<String> fields = new java.util.ArrayList<>();
        if (body.name() != null) fields.add("name");
        if (body.npi() != null) fields.add("npi");
        if (body.phone() != null) fields.add("phone");
        if (body.email() != null) fields.add("email");
        if (body.address() != null) fields.add("address");
        if (body.isActive() != null) fields.add("is_active");
        return fields;
    }
}
