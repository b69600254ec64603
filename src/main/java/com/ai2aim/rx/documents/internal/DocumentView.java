package com.ai2aim.rx.documents.internal;

import com.ai2aim.rx.documents.internal.extract.Extraction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A document's metadata and, when read one at a time, its extraction result ({@code result} is null in lists). */
record DocumentView(UUID id, UUID orgId, UUID patientId, UUID uploadedBy, String fileName, String contentType,
                    int sizeBytes, String sha256, int pageCount, String typeHint, String documentType, String status,
                    String reviewReason, BigDecimal confidence, String extractor, String textSource, int processingMs,
                    Instant createdAt, Instant updatedAt, int version, Extraction result) {

    DocumentView withResult(Extraction extraction) {
        return new DocumentView(id, orgId, patientId, uploadedBy, fileName, contentType, sizeBytes, sha256, pageCount,
                typeHint, documentType, status, reviewReason, confidence, extractor, textSource, processingMs, createdAt,
                updatedAt, version, extraction);
    }
}
