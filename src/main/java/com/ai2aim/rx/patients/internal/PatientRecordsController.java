package com.ai2aim.rx.patients.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.patients.TimelineEntry;
import com.ai2aim.rx.platform.web.ApiResponse;
import com.ai2aim.rx.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Patients", description = "Patients: demographics, contact, clinical lists, coverages, preferences")
@RestController
@RequestMapping("/api/patients/{id}")
class PatientRecordsController {

    private final ClinicalRecordService records;
    private final PatientHistory history;
    private final AuditTrail audit;

    PatientRecordsController(ClinicalRecordService records, PatientHistory history, AuditTrail audit) {
        this.records = records;
        this.history = history;
        this.audit = audit;
    }

    @Operation(summary = "A patient's history", description = "One timeline, newest first: allergies and conditions "
            + "recorded or removed, visits, and entries from other modules (prescriptions, communications).")
    @GetMapping("/history")
    ApiResponse<List<TimelineEntry>> history(@PathVariable UUID id, @RequestParam(required = false) String page,
                                             @RequestParam(required = false) String limit) {
        var timeline = history.of(id, PageQuery.of(page, limit, null, Map.of(), "at desc"));
        audit.recordAccess(AuditEntry.of("patient.history.read", "patient", id).inOrganisation(timeline.orgId())
                .withDetails(Map.of("count", timeline.page().items().size())));
        return ApiResponse.page(timeline.page());
    }

    @Operation(summary = "Record an allergy", description = "Pharmacists, physicians and admins of the patient's organisation.")
    @PostMapping("/allergies")
    ResponseEntity<ApiResponse<PatientDetails.AllergyRecord>> addAllergy(@PathVariable UUID id,
                                                                        @Valid @RequestBody PatientRequests.Allergy body) {
        var recorded = records.addAllergy(id, body);
        return ResponseEntity.created(URI.create("/api/patients/" + id)).body(ApiResponse.ok(recorded));
    }

    @Operation(summary = "Record a condition", description = "Pharmacists, physicians and admins of the patient's organisation.")
    @PostMapping("/conditions")
    ResponseEntity<ApiResponse<PatientDetails.ConditionRecord>> addCondition(@PathVariable UUID id,
                                                                            @Valid @RequestBody PatientRequests.Condition body) {
        var recorded = records.addCondition(id, body);
        return ResponseEntity.created(URI.create("/api/patients/" + id)).body(ApiResponse.ok(recorded));
    }

    @Operation(summary = "Record a visit", description = "A consultation or a pickup, by the caller: staff of the "
            + "patient's organisation or of its preferred pharmacy.")
    @PostMapping("/visits")
    ResponseEntity<ApiResponse<PatientDetails.VisitRecord>> addVisit(@PathVariable UUID id,
                                                                    @Valid @RequestBody PatientRequests.Visit body) {
        var recorded = records.addVisit(id, body);
        return ResponseEntity.created(URI.create("/api/patients/" + id + "/history")).body(ApiResponse.ok(recorded));
    }
}
