package com.ai2aim.rx.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What happened, to which resource. Holds ids and field names only, never PHI values. The actor and request
 * (IP, user agent, request id) are added by {@link AuditTrail}.
 *
 * @param orgId the organisation the resource belongs to (decides which admins see the record); defaults to the actor's
 */
public record AuditEntry(String action, String resourceType, String resourceId, List<String> changedFields,
                         String outcome, UUID orgId, Map<String, Object> details) {

    public static AuditEntry of(String action, String resourceType, Object resourceId) {
        return new AuditEntry(action, resourceType, resourceId == null ? null : resourceId.toString(), List.of(),
                "success", null, Map.of());
    }

    public AuditEntry changed(List<String> fields) {
        return new AuditEntry(action, resourceType, resourceId, List.copyOf(fields), outcome, orgId, details);
    }

    public AuditEntry inOrganisation(UUID org) {
        return new AuditEntry(action, resourceType, resourceId, changedFields, outcome, org, details);
    }

    public AuditEntry failed(String reason) {
        return new AuditEntry(action, resourceType, resourceId, changedFields, "failure", orgId, Map.of("reason", reason));
    }

    public AuditEntry withDetails(Map<String, Object> extra) {
        return new AuditEntry(action, resourceType, resourceId, changedFields, outcome, orgId, Map.copyOf(extra));
    }
}
