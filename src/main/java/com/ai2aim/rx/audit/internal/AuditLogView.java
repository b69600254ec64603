package com.ai2aim.rx.audit.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One audit record as the API shows it; the hashes are hex. */
record AuditLogView(UUID id, long seq, Instant occurredAt, String actorId, String actorRole, UUID orgId, String action,
                    String resourceType, String resourceId, List<String> changedFields, String outcome, String ip,
                    String userAgent, String requestId, Map<String, Object> details, String prevHash, String hash) {}
