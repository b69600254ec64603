package com.ai2aim.rx.identity.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An organisation: a pharmacy or a clinic. */
record OrganizationView(UUID id, String name, String kind, String npi, String phone, String email,
                        Map<String, Object> address, boolean isActive, Instant createdAt, Instant updatedAt, int version) {}
