package com.ai2aim.rx.documents.internal;

import com.ai2aim.rx.documents.internal.extract.Extraction;
import com.ai2aim.rx.functions.RxFunction;
import com.ai2aim.rx.platform.security.Role;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code document-extract}: runs the extraction again on a document already uploaded (by {@code documentId}) and
 * returns the plan-shaped result, which also replaces the stored one. The bytes travel through the multipart upload
 * rather than as base64 in JSON, which keeps function bodies small (the 1 MiB JSON limit) and every document stored
 * and audited before anything reads it.
 */
@Component
class ExtractDocumentFunction implements RxFunction<ExtractDocumentFunction.Input, Extraction> {

    record Input(@NotNull UUID documentId) {}

    private final DocumentService documents;

    ExtractDocumentFunction(DocumentService documents) {
        this.documents = documents;
    }

    @Override public String name() { return "document-extract"; }
    @Override public Class<Input> inputType() { return Input.class; }
    @Override public Set<Role> allowedRoles() { return Set.of(Role.ADMIN, Role.PHARMACIST, Role.TECHNICIAN, Role.PHYSICIAN); }
    @Override public Duration timeout() { return Duration.ofSeconds(60); }

    @Override
    public boolean isTransient(RuntimeException failure) {
        return failure instanceof TransientDataAccessException;
    }

    @Override
    public Extraction invoke(Input input) {
        return documents.reextract(input.documentId());
    }
}
