package com.ai2aim.rx.communications.internal;

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
import java.time.Instant;
import java.util.HashMap;
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

/**
 * {@code /api/communications}. Every signed-in role may use it; what each sees is decided per row:
 * <pre>
 *                       admin (own org)   pharmacist/technician/physician   patient              other organisation
 * list, get             all of the org    all of the org                    sent or received     404 / not listed
 * send                  to org users      to org users                      to org staff only    400 (recipient)
 * edit (before read)    yes               own sent only, else 403           own sent only        404
 * delete (soft)         yes               own sent only, else 403           own sent only        404
 * mark read             if a recipient    if a recipient, else 403          if a recipient       404
 * unread-count          own               own                               own                  -
 * </pre>
 * A global admin sees every organisation's communications.
 */
@Tag(name = "Communications", description = "Messages between users of an organisation, with per-recipient read times")
@RestController
@RequestMapping("/api/communications")
class CommunicationController {

    private final CommunicationService communications;
    private final AuditTrail audit;

    CommunicationController(CommunicationService communications, AuditTrail audit) {
        this.communications = communications;
        this.audit = audit;
    }

    @Operation(summary = "List communications", description = "Filters: patientId, prescriptionId, channel, unread (the caller's own copy), "
            + "from (inclusive) and to (exclusive; a date means the whole day), ISO-8601 instants or dates. Sort: sentAt, channel, updatedAt.")
    @GetMapping
    ApiResponse<List<CommunicationView>> list(@RequestParam(required = false) UUID patientId, @RequestParam(required = false) UUID prescriptionId,
                                              @RequestParam(required = false) String channel, @RequestParam(required = false) Boolean unread,
                                              @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                              @RequestParam(required = false) String page, @RequestParam(required = false) String limit,
                                              @RequestParam(required = false) String sort) {
        if (channel != null && !channel.matches(CommunicationRequests.CHANNELS)) {
            throw ApiException.invalid("channel", CommunicationRequests.CHANNEL_MESSAGE);
        }
        Instant since = TimeParameters.start("from", from);
        Instant until = TimeParameters.end("to", to);
        if (since != null && until != null && !since.isBefore(until)) {
            throw ApiException.invalid("to", "must be after from");
        }
        PageQuery paging = PageQuery.of(page, limit, sort, CommunicationRepository.SORTABLE, CommunicationRepository.DEFAULT_ORDER);
        var result = communications.list(new CommunicationRepository.Filter(patientId, prescriptionId, channel, unread, since, until), paging);
        Map<String, Object> details = new HashMap<>();
        details.put("count", result.items().size());
        if (patientId != null) {
            details.put("patientId", patientId.toString());
        }
        audit.recordAccess(AuditEntry.of("communication.list", "communication", null).withDetails(details));
        return ApiResponse.page(result);
    }

    @Operation(summary = "Send a communication", description = "From the signed-in user to users of their organisation (a patient: to its staff).")
    @PostMapping
    ResponseEntity<ApiResponse<CommunicationView>> send(@Valid @RequestBody CommunicationRequests.Create body) {
        CommunicationView sent = communications.send(body);
        return ResponseEntity.created(URI.create("/api/communications/" + sent.id())).eTag(ETags.of(sent.version()))
                .body(ApiResponse.ok(sent));
    }

    @Operation(summary = "How many communications the caller has not read yet")
    @GetMapping("/unread-count")
    ApiResponse<Map<String, Long>> unreadCount() {
        return ApiResponse.ok(Map.of("count", communications.unreadCount()));
    }

    @Operation(summary = "One communication")
    @GetMapping("/{id}")
    ResponseEntity<ApiResponse<CommunicationView>> get(@PathVariable UUID id) {
        CommunicationView communication = communications.get(id);
        audit.recordAccess(AuditEntry.of("communication.read", "communication", id).inOrganisation(communication.orgId()));
        return ETags.ok(communication, communication.version());
    }

    @Operation(summary = "Edit subject, body or channel", description = "Sender or admin, only until a recipient has read it (then 409). "
            + "If-Match guards against lost updates.")
    @PutMapping("/{id}")
    ResponseEntity<ApiResponse<CommunicationView>> edit(@PathVariable UUID id, @Valid @RequestBody CommunicationRequests.Update body,
                                                        @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CommunicationView updated = communications.edit(id, body, ETags.expectedVersion(ifMatch));
        return ETags.ok(updated, updated.version());
    }

    @Operation(summary = "Delete a communication (soft)", description = "Sender or admin. It disappears from lists and unread counts.")
    @DeleteMapping("/{id}")
    ApiResponse<Map<String, Object>> delete(@PathVariable UUID id) {
        communications.delete(id);
        return ApiResponse.ok(Map.of("id", id, "deleted", true));
    }

    @Operation(summary = "Mark a communication read for the caller", description = "Idempotent: a second call returns the first read time.")
    @PostMapping("/{id}/read")
    ApiResponse<Map<String, Object>> markRead(@PathVariable UUID id) {
        CommunicationRepository.ReadMark mark = communications.markRead(id);
        return ApiResponse.ok(Map.of("id", id, "readAt", mark.readAt()));
    }
}
