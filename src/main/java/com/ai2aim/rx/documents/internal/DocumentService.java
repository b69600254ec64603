package com.ai2aim.rx.documents.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.documents.DocumentNeedsReview;
import com.ai2aim.rx.documents.internal.extract.Extraction;
import com.ai2aim.rx.patients.PatientView;
import com.ai2aim.rx.patients.Patients;
import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.security.Role;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.PageQuery;
import com.ai2aim.rx.platform.web.PageResult;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploading, reading and deleting documents as the signed-in actor. Reading a file and extracting from it happens
 * before the transaction opens (it takes seconds); the transaction then checks the patient, links it, stores the
 * document with its audit record and, when a person must check it, the {@link DocumentNeedsReview} event.
 */
@Service
class DocumentService {

    private static final String RESOURCE = "document";
    static final List<Role> STAFF = List.of(Role.ADMIN, Role.PHARMACIST, Role.TECHNICIAN, Role.PHYSICIAN);

    record Upload(byte[] content, String fileName, UUID patientId, String typeHint) {}

    private final DocumentPipeline pipeline;
    private final DocumentRepository documents;
    private final Patients patients;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    DocumentService(DocumentPipeline pipeline, DocumentRepository documents, Patients patients, AuditTrail audit,
                    ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.pipeline = pipeline;
        this.documents = documents;
        this.patients = patients;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
    }

    DocumentView upload(Upload upload) {
        Actor actor = staff();
        DocumentPipeline.typeOf(upload.content());
        DocumentPipeline.Outcome outcome = pipeline.run(upload.content(), upload.typeHint());
        return transactions.execute(status -> store(actor, upload, outcome));
    }

    private DocumentView store(Actor actor, Upload upload, DocumentPipeline.Outcome outcome) {
        PatientView given = upload.patientId() == null ? null : patients.find(upload.patientId())
                .orElseThrow(() -> ApiException.invalid("patientId", "no such patient"));
        UUID org = actor.orgId() != null ? actor.orgId() : given != null ? given.orgId() : null;
        if (org == null) {
            throw ApiException.invalid("patientId", "is required for a user without an organisation");
        }
        UUID patientId = given != null ? given.id() : match(org, outcome.extraction());
        UUID id = documents.insert(new DocumentRepository.NewDocument(org, patientId, actor.userId(), upload.fileName(),
                outcome.type().mediaType(), upload.content().length, sha256(upload.content()), outcome.text().pages(),
                upload.typeHint(), outcome), upload.content());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("documentType", outcome.extraction().documentType());
        details.put("status", outcome.status());
        details.put("patientLink", given != null ? "given" : patientId != null ? "matched" : "none");
        audit.recordChange(AuditEntry.of("document.upload", RESOURCE, id).inOrganisation(org)
                .changed(List.of("content", "patient_id", "result")).withDetails(details));
        if (outcome.reviewReason() != null) {
            events.publishEvent(new DocumentNeedsReview(id, actor.userId(), org, outcome.reviewReason()));
        }
        return documents.find(id).orElseThrow();
    }

    /** The one patient of the organisation with exactly the extracted name and date of birth, else none. */
    private UUID match(UUID org, Extraction extraction) {
        Extraction.Patient p = extraction.patient();
        if (p.name() == null || p.dateOfBirth() == null) {
            return null;
        }
        List<UUID> candidates = patients.findIdsByNameAndBirthDate(org, p.name(), p.dateOfBirth());
        return candidates.size() == 1 ? candidates.get(0) : null;
    }

    /** Runs the pipeline again on the stored bytes and replaces the result (the document-extract function). */
    Extraction reextract(UUID id) {
        Actor actor = staff();
        DocumentRepository.Content content = transactions.execute(s -> documents.content(id))
                .orElseThrow(() -> ApiException.notFound("Document"));
        DocumentPipeline.Outcome outcome = pipeline.run(content.bytes(), null);
        return transactions.execute(status -> {
            DocumentView current = documents.find(id).orElseThrow(() -> ApiException.notFound("Document"));
            if (!documents.updateExtraction(id, outcome)) {
                throw ApiException.notFound("Document");
            }
            audit.recordChange(AuditEntry.of("document.extract", RESOURCE, id).inOrganisation(current.orgId())
                    .changed(List.of("result", "status", "confidence"))
                    .withDetails(Map.of("documentType", outcome.extraction().documentType(), "status", outcome.status())));
            if (outcome.reviewReason() != null) {
                events.publishEvent(new DocumentNeedsReview(id, actor.userId(), current.orgId(), outcome.reviewReason()));
            }
            return outcome.extraction();
        });
    }

    PageResult<DocumentView> list(DocumentRepository.Filter filter, PageQuery page) {
        Actor actor = Actors.required();
        UUID scopeOrg = actor.isGlobalAdmin() || actor.role() == Role.PATIENT ? null : actor.orgId();
        UUID scopeUser = actor.role() == Role.PATIENT ? actor.userId() : null;
        return transactions.execute(s -> documents.list(scopeOrg, scopeUser, filter, page));
    }

    DocumentView get(UUID id) {
        return transactions.execute(s -> documents.find(id)).orElseThrow(() -> ApiException.notFound("Document"));
    }

    DocumentRepository.Content content(UUID id) {
        return transactions.execute(s -> documents.content(id)).orElseThrow(() -> ApiException.notFound("Document"));
    }

    void delete(UUID id) {
        staff();
        transactions.executeWithoutResult(status -> {
            DocumentView current = documents.find(id).orElseThrow(() -> ApiException.notFound("Document"));
            if (!documents.softDelete(id)) {
                throw ApiException.notFound("Document");
            }
            audit.recordChange(AuditEntry.of("document.delete", RESOURCE, id).inOrganisation(current.orgId())
                    .changed(List.of("deleted_at")));
        });
    }

    private static Actor staff() {
        Actor actor = Actors.required();
        if (!STAFF.contains(actor.role())) {
            throw ApiException.forbidden();
        }
        return actor;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
