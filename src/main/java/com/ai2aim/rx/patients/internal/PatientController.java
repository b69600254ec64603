package com.ai2aim.rx.patients.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ApiResponse;
import com.ai2aim.rx.platform.web.ETags;
import com.ai2aim.rx.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Patients", description = "Patients: demographics, contact, clinical lists, coverages, preferences")
@RestController
@RequestMapping("/api/patients")
class PatientController {

    private final PatientService patients;
    private final AuditTrail audit;

    PatientController(PatientService patients, AuditTrail audit) {
        this.patients = patients;
        this.audit = audit;
    }

    @Operation(summary = "List patients", description = "Staff see their organisation's patients and those who fill at "
            + "their pharmacy; a patient sees their own record. Filters: name (prefix of first or last name, any case), "
            + "dateOfBirth (YYYY-MM-DD), mrn, phone (E.164), active; includeDeleted (admins). Sort: lastName, firstName, "
            + "dateOfBirth, mrn, createdAt, updatedAt.")
    @GetMapping
    ApiResponse<List<PatientRow>> list(@RequestParam(required = false) String name, @RequestParam(required = false) String dateOfBirth,
                                       @RequestParam(required = false) String mrn, @RequestParam(required = false) String phone,
                                       @RequestParam(required = false) Boolean active,
                                       @RequestParam(defaultValue = "false") boolean includeDeleted,
                                       @RequestParam(required = false) String page, @RequestParam(required = false) String limit,
                                       @RequestParam(required = false) String sort) {
        var filter = new PatientRepository.Filter(text("name", name, 100), date(dateOfBirth), text("mrn", mrn, 32),
                text("phone", phone, 16), active, includeDeleted);
        PageQuery paging = PageQuery.of(page, limit, sort, PatientRepository.SORTABLE, PatientRepository.DEFAULT_ORDER);
        var result = patients.list(filter, paging);
        audit.recordAccess(AuditEntry.of("patient.list", "patient", null)
                .withDetails(Map.of("count", result.items().size(), "filters", filterNames(filter))));
        return ApiResponse.page(result);
    }

    @Operation(summary = "Register a patient", description = "Idempotency-Key makes a retried create return the first result. "
            + "Technicians may not include allergies or conditions.")
    @PostMapping
    ResponseEntity<ApiResponse<PatientDetails>> create(@Valid @RequestBody PatientRequests.Create body) {
        PatientDetails created = patients.create(body);
        return ResponseEntity.created(URI.create("/api/patients/" + created.id())).eTag(ETags.of(created.version()))
                .body(ApiResponse.ok(created));
    }

    @Operation(summary = "One patient", description = "includeDeleted=true lets an admin read a soft-deleted patient.")
    @GetMapping("/{id}")
    ResponseEntity<ApiResponse<PatientDetails>> get(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean includeDeleted) {
        PatientDetails patient = patients.get(id, includeDeleted);
        audit.recordAccess(AuditEntry.of("patient.read", "patient", id).inOrganisation(patient.orgId()));
        return ETags.ok(patient, patient.version());
    }

    @Operation(summary = "Update a patient", description = "Present fields change; a list that is present replaces the "
            + "current one. A patient may change only phone, email, address and communicationPreferences. "
            + "If-Match guards against lost updates (412 when stale).")
    @PutMapping("/{id}")
    ResponseEntity<ApiResponse<PatientDetails>> update(@PathVariable UUID id, @Valid @RequestBody PatientRequests.Update body,
                                                       @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        PatientDetails updated = patients.update(id, body, ETags.expectedVersion(ifMatch));
        return ETags.ok(updated, updated.version());
    }

    @Operation(summary = "Delete a patient (soft)", description = "Sets deletedAt and isActive=false; the record stays.")
    @DeleteMapping("/{id}")
    ApiResponse<Map<String, Object>> delete(@PathVariable UUID id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        PatientRow deleted = patients.delete(id, ETags.expectedVersion(ifMatch));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", deleted.id());
        body.put("isActive", deleted.isActive());
        body.put("deletedAt", deleted.deletedAt());
        return ApiResponse.ok(body);
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max || !trimmed.matches(PatientRequests.TEXT)) {
            throw ApiException.invalid(field, "must be at most " + max + " characters without control characters");
        }
        return trimmed;
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("dateOfBirth", "must be a date YYYY-MM-DD");
        }
    }

    /** Which filters were used, never their values (a name or a date of birth is PHI). */
    private static List<String> filterNames(PatientRepository.Filter f) {
        List<String> names = new ArrayList<>();
        if (f.name() != null) names.add("name");
        if (f.dateOfBirth() != null) names.add("dateOfBirth");
        if (f.mrn() != null) names.add("mrn");
        if (f.phone() != null) names.add("phone");
        if (f.active() != null) names.add("active");
        if (f.includeDeleted()) names.add("includeDeleted");
        return names;
    }
}
