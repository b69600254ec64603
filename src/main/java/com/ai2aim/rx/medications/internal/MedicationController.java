package com.ai2aim.rx.medications.internal;

import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ApiResponse;
import com.ai2aim.rx.platform.web.ETags;
import com.ai2aim.rx.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Medications", description = "Drug catalogue: RxNorm reference products and local products")
@RestController
@RequestMapping("/api/medications")
class MedicationController {

    private final MedicationService service;
    private final MedicationRepository medications;
    private final MedicationSearch search;
    private final TransactionTemplate transactions;

    MedicationController(MedicationService service, MedicationRepository medications, MedicationSearch search,
                         TransactionTemplate transactions) {
        this.service = service;
        this.medications = medications;
        this.search = search;
        this.transactions = transactions;
    }

    @Operation(summary = "List products", description = "Filters: name (contains), rxcui, controlled, deaSchedule (1-5 or II, CII…), "
            + "active, therapeuticClass. Sort: name, rxcui, deaSchedule, therapeuticClass, createdAt, updatedAt.")
    @GetMapping
    ApiResponse<List<MedicationDetails>> list(@RequestParam(required = false) String name, @RequestParam(required = false) String rxcui,
                                              @RequestParam(required = false) Boolean controlled,
                                              @RequestParam(required = false) String deaSchedule,
                                              @RequestParam(required = false) Boolean active,
                                              @RequestParam(required = false) String therapeuticClass,
                                              @RequestParam(required = false) String page, @RequestParam(required = false) String limit,
                                              @RequestParam(required = false) String sort) {
        if (name != null && (name.isBlank() || name.length() > 100)) {
            throw ApiException.invalid("name", "must be 1 to 100 characters");
        }
        if (rxcui != null && !rxcui.matches(MedicationRequests.RXCUI)) {
            throw ApiException.invalid("rxcui", MedicationRequests.RXCUI_MESSAGE);
        }
        if (therapeuticClass != null && (therapeuticClass.isBlank() || therapeuticClass.length() > 100)) {
            throw ApiException.invalid("therapeuticClass", "must be 1 to 100 characters");
        }
        PageQuery paging = PageQuery.of(page, limit, sort, MedicationRepository.SORTABLE, MedicationRepository.DEFAULT_ORDER);
        var filter = new MedicationRepository.Filter(name == null ? null : name.strip(), rxcui, controlled, schedule(deaSchedule),
                active, therapeuticClass == null ? null : therapeuticClass.strip());
        return ApiResponse.page(transactions.execute(s -> medications.list(filter, paging)));
    }

    @Operation(summary = "Search by name prefix (misspellings tolerated), RxCUI or NDC (4-4-2, 5-3-2, 5-4-1 or 5-4-2, hyphens optional)")
    @GetMapping("/search")
    ApiResponse<List<MedicationDetails>> search(@RequestParam(required = false) String q, @RequestParam(required = false) String limit) {
        int max = PageQuery.of(null, limit, null, Map.of(), "1").limit();
        // The catalogue is not PHI: search it as the service with the caller's visibility as a plain predicate, so
        // the trigram index is usable (see Visibility).
        Visibility visibility = Visibility.of(com.ai2aim.rx.platform.security.Actors.required());
        return ApiResponse.ok(com.ai2aim.rx.platform.security.Actors.asService(() -> transactions.execute(s -> search.search(q, max, visibility))));
    }

    @Operation(summary = "Add a local product (admin, pharmacist)", description = "A global admin names the owning organisation in orgId.")
    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'PHARMACIST')")
    ResponseEntity<ApiResponse<MedicationDetails>> create(@Valid @RequestBody MedicationRequests.Create body) {
        MedicationDetails created = service.create(body);
        return ResponseEntity.created(URI.create("/api/medications/" + created.id())).eTag(ETags.of(created.version()))
                .body(ApiResponse.ok(created));
    }

    @Operation(summary = "One product")
    @GetMapping("/{id}")
    ResponseEntity<ApiResponse<MedicationDetails>> get(@PathVariable UUID id) {
        MedicationDetails found = service.get(id);
        return ETags.ok(found, found.version());
    }

    @Operation(summary = "Update a product", description = "Local products by admins and pharmacists of their organisation; "
            + "reference products by a global admin. If-Match guards against lost updates.")
    @PutMapping("/{id}")
    ResponseEntity<ApiResponse<MedicationDetails>> update(@PathVariable UUID id, @Valid @RequestBody MedicationRequests.Update body,
                                                          @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        MedicationDetails updated = service.update(id, body, ETags.expectedVersion(ifMatch));
        return ETags.ok(updated, updated.version());
    }

    @Operation(summary = "Deactivate a product", description = "Keeps the record; it no longer appears in search.")
    @DeleteMapping("/{id}")
    ApiResponse<Map<String, Object>> deactivate(@PathVariable UUID id) {
        service.deactivate(id);
        return ApiResponse.ok(Map.of("id", id, "active", false));
    }

    /** 1–5, or the Roman form with or without the C prefix (II, CII). */
    static Integer schedule(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip().toUpperCase(Locale.ROOT);
        if (s.startsWith("C") && s.length() > 1) {
            s = s.substring(1);
        }
        return switch (s) {
            case "1", "I" -> 1;
            case "2", "II" -> 2;
            case "3", "III" -> 3;
            case "4", "IV" -> 4;
            case "5", "V" -> 5;
            default -> throw ApiException.invalid("deaSchedule", "must be 1 to 5 (or I to V)");
        };
    }
}
