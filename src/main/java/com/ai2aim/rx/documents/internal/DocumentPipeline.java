package com.ai2aim.rx.documents.internal;

import com.ai2aim.rx.documents.internal.extract.DeterministicExtractor;
import com.ai2aim.rx.documents.internal.extract.DocumentText;
import com.ai2aim.rx.documents.internal.extract.Extraction;
import com.ai2aim.rx.documents.internal.read.DocumentReader;
import com.ai2aim.rx.documents.internal.read.FileType;
import com.ai2aim.rx.documents.internal.read.UnreadableDocumentException;
import com.ai2aim.rx.platform.web.ApiError;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ErrorCode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * From bytes to a checked extraction, outside any transaction (OCR takes seconds): recognise the file by its first
 * bytes, read its text, extract with the LLM when one is configured and answers well, else deterministically, then
 * validate. A result that fails validation or is less sure than the review threshold needs review.
 */
@Component
class DocumentPipeline {

    record Outcome(FileType type, DocumentText text, Extraction extraction, String status, String reviewReason, int millis) {}

    private final DocumentReader reader;
    private final DeterministicExtractor deterministic;
    private final LlmExtractor llm;
    private final Validator validator;
    private final double reviewConfidence;

    DocumentPipeline(DocumentReader reader, DeterministicExtractor deterministic, LlmExtractor llm, Validator validator,
                     @Value("${rx.documents.review-confidence:0.8}") double reviewConfidence) {
        this.reader = reader;
        this.deterministic = deterministic;
        this.llm = llm;
        this.validator = validator;
        this.reviewConfidence = reviewConfidence;
    }

    static FileType typeOf(byte[] content) {
        return FileType.sniff(content).orElseThrow(() -> new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "The file is not a PDF, PNG, JPEG or TIFF", List.of(new ApiError.FieldDetail("file", "unrecognised file type"))));
    }

    Outcome run(byte[] content, String typeHint) {
        FileType type = typeOf(content);
        long start = System.nanoTime();
        DocumentText text;
        try {
            text = reader.read(type, content);
        } catch (UnreadableDocumentException e) {
            throw new ApiException(ErrorCode.UNREADABLE_DOCUMENT, "The document cannot be read",
                    List.of(new ApiError.FieldDetail("file", e.getMessage())));
        }
        Extraction offline = deterministic.extract(text, typeHint);
        Extraction extraction = llm.extract(text, typeHint, offline);
        List<String> invalid = violations(extraction);
        if (!invalid.isEmpty()) {
            extraction = extraction.withConfidence(extraction.confidence(), invalid);
        }
        String reason = !invalid.isEmpty() ? "validation_failed" : extraction.confidence() < reviewConfidence ? "low_confidence" : null;
        int millis = (int) ((System.nanoTime() - start) / 1_000_000);
        return new Outcome(type, text, extraction, reason == null ? "processed" : "needs_review", reason, millis);
    }

    /** Field paths and rules only, never values: the result is PHI. */
    private List<String> violations(Extraction extraction) {
        Set<ConstraintViolation<Extraction>> found = validator.validate(extraction);
        return found.stream().map(v -> "invalid:" + v.getPropertyPath()).sorted(Comparator.naturalOrder()).toList();
    }
}
