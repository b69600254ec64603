package com.ai2aim.rx.documents.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.documents.internal.extract.Extraction;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ApiResponse;
import com.ai2aim.rx.platform.web.ETags;
import com.ai2aim.rx.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * {@code /api/documents}. Staff (admin, pharmacist, technician, physician) of an organisation upload, list, read
 * and delete its documents; a patient lists and reads those linked to their own record; other organisations' are
 * 404. Upload is multipart: {@code file} (PDF, PNG, JPEG or TIFF, recognised by its bytes), optional
 * {@code patientId} and optional {@code type} hint; nothing else.
 */
@Tag(name = "Documents", description = "Uploaded lab results, referrals, letters and prescriptions, with the data extracted from them")
@RestController
@RequestMapping("/api/documents")
class DocumentController {

    private static final Set<String> UPLOAD_PARTS = Set.of("file", "patientId", "type");
    private static final String TYPES = "lab_result|referral|letter|prescription";
    private static final String STATUSES = "processed|needs_review";

    private final DocumentService documents;
    private final AuditTrail audit;

    DocumentController(DocumentService documents, AuditTrail audit) {
        this.documents = documents;
        this.audit = audit;
    }

    @Operation(summary = "Upload a document and extract its data", description = "Multipart: file, optional patientId, "
            + "optional type (lab_result, referral, letter, prescription). Without patientId the document is linked to the one "
            + "patient of the organisation with exactly the extracted name and date of birth, if there is exactly one. "
            + "A result that is unsure or fails validation has status needs_review.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ApiResponse<DocumentView>> upload(MultipartHttpServletRequest request) {
        for (String name : request.getParameterMap().keySet()) {
            if (!UPLOAD_PARTS.contains(name)) throw ApiException.invalid(name, "unknown field");
        }
        for (String name : request.getMultiFileMap().keySet()) {
            if (!name.equals("file")) throw ApiException.invalid(name, "unknown field");
        }
        List<MultipartFile> files = request.getMultiFileMap().getOrDefault("file", List.of());
        if (files.size() != 1) {
            throw ApiException.invalid("file", files.isEmpty() ? "is required" : "only one file per upload");
        }
        MultipartFile file = files.get(0);
        if (file.isEmpty()) {
            throw ApiException.invalid("file", "is empty");
        }
        String type = single(request, "type");
        if (type != null && !type.matches(TYPES)) {
            throw ApiException.invalid("type", "must be one of lab_result, referral, letter, prescription");
        }
        DocumentView stored = documents.upload(new DocumentService.Upload(bytes(file), fileName(file),
                uuid("patientId", single(request, "patientId")), type));
        return ResponseEntity.created(URI.create("/api/documents/" + stored.id())).eTag(ETags.of(stored.version()))
                .body(ApiResponse.ok(stored));
    }

    @Operation(summary = "List documents", description = "Filters: patientId, type, status (processed, needs_review). "
            + "Sort: createdAt, confidence. Items leave out the extraction result.")
    @GetMapping
    ApiResponse<List<DocumentView>> list(@RequestParam(required = false) UUID patientId, @RequestParam(required = false) String type,
                                         @RequestParam(required = false) String status, @RequestParam(required = false) String page,
                                         @RequestParam(required = false) String limit, @RequestParam(required = false) String sort) {
        if (type != null && !type.matches(TYPES + "|unknown")) throw ApiException.invalid("type", "unknown document type");
        if (status != null && !status.matches(STATUSES)) throw ApiException.invalid("status", "must be processed or needs_review");
        PageQuery paging = PageQuery.of(page, limit, sort, DocumentRepository.SORTABLE, DocumentRepository.DEFAULT_ORDER);
        var result = documents.list(new DocumentRepository.Filter(patientId, type, status), paging);
        Map<String, Object> details = new HashMap<>();
        details.put("count", result.items().size());
        if (patientId != null) details.put("patientId", patientId.toString());
        audit.recordAccess(AuditEntry.of("document.list", "document", null).withDetails(details));
        return ApiResponse.page(result);
    }

    @Operation(summary = "One document with its extraction result")
    @GetMapping("/{id}")
    ResponseEntity<ApiResponse<DocumentView>> get(@PathVariable UUID id) {
        DocumentView document = documents.get(id);
        audit.recordAccess(AuditEntry.of("document.read", "document", id).inOrganisation(document.orgId()));
        return ETags.ok(document, document.version());
    }

    @Operation(summary = "The original file", description = "The uploaded bytes with their media type; the read is audited.")
    @GetMapping("/{id}/content")
    ResponseEntity<byte[]> content(@PathVariable UUID id) {
        DocumentRepository.Content content = documents.content(id);
        DocumentView document = documents.get(id);
        audit.recordAccess(AuditEntry.of("document.content_read", "document", id).inOrganisation(document.orgId()));
        String extension = content.contentType().substring(content.contentType().indexOf('/') + 1);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("document-" + id + "." + extension).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(content.bytes());
    }

    @Operation(summary = "Delete a document (soft)", description = "Staff of its organisation.")
    @DeleteMapping("/{id}")
    ApiResponse<Map<String, Object>> delete(@PathVariable UUID id) {
        documents.delete(id);
        return ApiResponse.ok(Map.of("id", id, "deleted", true));
    }

    private static String single(MultipartHttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length == 0 || values[0].isBlank()) return null;
        if (values.length > 1) throw ApiException.invalid(name, "given more than once");
        return values[0].strip();
    }

    private static UUID uuid(String field, String value) {
        if (value == null) return null;
        try {
            if (value.length() != 36) throw new IllegalArgumentException();
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "must be a UUID");
        }
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kept only as a label for people; never used as a path. */
    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) return null;
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).replaceAll("\\p{Cntrl}", "");
        return base.length() > 255 ? base.substring(0, 255) : base;
    }
}
