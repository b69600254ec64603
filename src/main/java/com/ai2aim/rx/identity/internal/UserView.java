package com.ai2aim.rx.identity.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A user profile as the API shows it. */
record UserView(UUID id, String email, String fullName, String phone, String role, UUID orgId, boolean isActive,
                Instant lastLogin, Map<String, Object> userMetadata, String npi, String deaNumber, String language,
                Instant createdAt, Instant updatedAt, int version) {}
