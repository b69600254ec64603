package com.ai2aim.rx.prescriptions.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.medications.Ndc;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ApiResponse;
import com.ai2aim.rx.platform.web.ETags;
import com.ai2aim.rx.platform.web.PageQuery;
import com.ai2aim.rx.prescriptions.PrescriptionStatus;
import com.ai2aim.rx.prescriptions.PrescriptionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Prescriptions", description = "Prescriptions and their lifecycle: approve, fill, dispense, refills")
@RestController
class PrescriptionController {

    private final PrescriptionService service;
    private final PrescriptionInteractions interactions;
    private final AuditTrail audit;

    PrescriptionController(PrescriptionService service, PrescriptionInteractions interactions, AuditTrail audit) {
        this.service = service;
        this.interactions = interactions;
        this.audit = audit;
    }

    @Operation(summary = "List prescriptions", description = "Filters: patientId, prescriberId, pharmacyId, status, controlled, expiringBefore (date).")
    @GetMapping("/api/prescriptions")
    ApiResponse<List<PrescriptionView>> list(@RequestParam(required = false) UUID patientId, @RequestParam(required = false) UUID prescriberId,
                                             @RequestParam(required = false) UUID pharmacyId, @RequestParam(required = false) String status,
                                             @RequestParam(required = false) Boolean controlled, @RequestParam(required = false) LocalDate expiringBefore,
                                             @RequestParam(required = false) String page, @RequestParam(required = false) String limit,
                                             @RequestParam(required = false) String sort) {
        return ApiResponse.page(listFor(new PrescriptionRepository.Filter(patientId, prescriberId, pharmacyId, status(status), controlled,
                expiringBefore), page, limit, sort));
    }

    @Operation(summary = "A patient's prescriptions")
    @GetMapping("/api/patients/{patientId}/prescriptions")
    ApiResponse<List<PrescriptionView>> ofPatient(@PathVariable UUID patientId, @RequestParam(required = false) String status,
                                                  @RequestParam(required = false) String page, @RequestParam(required = false) String limit,
                                                  @RequestParam(required = false) String sort) {
        return ApiResponse.page(listFor(new PrescriptionRepository.Filter(patientId, null, null, status(status), null, null), page, limit, sort));
    }

    @Operation(summary = "Write a prescription (physician)")
    @PostMapping("/api/prescriptions")
    ResponseEntity<ApiResponse<PrescriptionView>> create(@Valid @RequestBody PrescriptionRequests.Create body) {
        PrescriptionView created = service.create(body);
        return ResponseEntity.created(URI.create("/api/prescriptions/" + created.id())).eTag(ETags.of(created.version()))
                .body(ApiResponse.ok(created));
    }

    @Operation(summary = "One prescription with its fills and dispenses")
    @GetMapping("/api/prescriptions/{id}")
    ResponseEntity<ApiResponse<Map<String, Object>>> get(@PathVariable UUID id) {
        PrescriptionService.Detail detail = service.detail(id);
        PrescriptionView prescription = detail.prescription();
        var fills = detail.fills();
        audit.recordAccess(AuditEntry.of("prescription.read", "prescription", id).inOrganisation(prescription.orgId()));
        return ResponseEntity.ok().eTag(ETags.of(prescription.version()))
                .body(ApiResponse.ok(Map.of("prescription", prescription, "fills", fills)));
    }

    @Operation(summary = "Change a pending prescription (prescriber)", description = "If-Match guards against lost updates.")
    @PutMapping("/api/prescriptions/{id}")
    ResponseEntity<ApiResponse<PrescriptionView>> update(@PathVariable UUID id, @Valid @RequestBody PrescriptionRequests.Update body,
                                                         @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        PrescriptionView updated = service.update(id, body, ETags.expectedVersion(ifMatch));
        return ETags.ok(updated, updated.version());
    }

    @Operation(summary = "Cancel and remove a prescription that has not been filled", description = "Soft delete; the record is kept.")
    @DeleteMapping("/api/prescriptions/{id}")
    ApiResponse<PrescriptionView> delete(@PathVariable UUID id, @RequestParam(required = false) String reason) {
        return ApiResponse.ok(service.cancel(id, reason == null || reason.isBlank() ? "deleted" : reason, true));
    }

    @Operation(summary = "Approve (the prescribing physician)")
    @PostMapping("/api/prescriptions/{id}/approve")
    ResponseEntity<ApiResponse<PrescriptionView>> approve(@PathVariable UUID id) {
        PrescriptionView approved = service.approve(id);
        return ETags.ok(approved, approved.version());
    }

    @Operation(summary = "Reject with a reason (prescriber, pharmacist or admin)")
    @PostMapping("/api/prescriptions/{id}/reject")
    ResponseEntity<ApiResponse<PrescriptionView>> reject(@PathVariable UUID id, @Valid @RequestBody PrescriptionRequests.Reason body) {
        PrescriptionView rejected = service.reject(id, body.reason());
        return ETags.ok(rejected, rejected.version());
    }

    @Operation(summary = "Cancel with a reason (prescriber or admin)")
    @PostMapping("/api/prescriptions/{id}/cancel")
    ResponseEntity<ApiResponse<PrescriptionView>> cancel(@PathVariable UUID id, @Valid @RequestBody PrescriptionRequests.Reason body) {
        PrescriptionView cancelled = service.cancel(id, body.reason(), false);
        return ETags.ok(cancelled, cancelled.version());
    }

    @Operation(summary = "Fill (pharmacist or technician)", description = "The first fill after approval, or a refill after a dispense.")
    @PostMapping("/api/prescriptions/{id}/fill")
    ResponseEntity<ApiResponse<PrescriptionView>> fill(@PathVariable UUID id, @Valid @RequestBody PrescriptionRequests.Fill body) {
        String ndc = Ndc.tryParse(body.ndc()).map(Ndc::value)
                .orElseThrow(() -> ApiException.invalid("ndc", "must be an NDC in 4-4-2, 5-3-2 or 5-4-1 form, or 11 digits"));
        PrescriptionView filled = service.fill(id, body, ndc);
        return ETags.ok(filled, filled.version());
    }

    @Operation(summary = "Dispense (pharmacist)")
    @PostMapping("/api/prescriptions/{id}/dispense")
    ResponseEntity<ApiResponse<PrescriptionView>> dispense(@PathVariable UUID id, @Valid @RequestBody(required = false) PrescriptionRequests.Dispense body) {
        PrescriptionView dispensed = service.dispense(id, body == null ? new PrescriptionRequests.Dispense(false, null) : body);
        return ETags.ok(dispensed, dispensed.version());
    }

    @Operation(summary = "Interactions with the patient's other active medications", description = "Most severe first.")
    @GetMapping("/api/prescriptions/{id}/interactions")
    ApiResponse<List<PrescriptionInteractions.Finding>> interactions(@PathVariable UUID id) {
        PrescriptionView prescription = service.get(id);
        audit.recordAccess(AuditEntry.of("prescription.interactions", "prescription", id).inOrganisation(prescription.orgId()));
        return ApiResponse.ok(interactions.of(prescription));
    }

    private com.ai2aim.rx.platform.web.PageResult<PrescriptionView> listFor(PrescriptionRepository.Filter filter, String page, String limit, String sort) {
        PageQuery paging = PageQuery.of(page, limit, sort, PrescriptionRepository.SORTABLE, "p.created_at desc, p.id");
        var result = service.list(filter, paging);
        audit.recordAccess(AuditEntry.of("prescription.list", "prescription", null)
                .withDetails(Map.of("count", result.items().size())));
        return result;
    }

    private static String status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return PrescriptionStatus.of(status).value();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", "must be one of pending, approved, filled, dispensed, cancelled, rejected, expired");
        }
    }
}
