package com.ai2aim.rx.documents;

import java.util.UUID;

/**
 * An uploaded document's extraction needs a person to check it: its confidence was under the review threshold or
 * its fields failed validation. Carries ids and a reason code only ({@code low_confidence},
 * {@code validation_failed}); the uploader is the one to alert.
 */
public record DocumentNeedsReview(UUID documentId, UUID uploaderUserId, UUID orgId, String reason) {}
