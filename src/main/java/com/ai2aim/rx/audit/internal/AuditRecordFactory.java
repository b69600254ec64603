package com.ai2aim.rx.audit.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.web.RequestContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Completes an entry with who did it and from where, at the moment it is recorded. */
@Component
public class AuditRecordFactory {

    public Map<String, Object> toRecord(AuditEntry entry) {
        Actor actor = Actors.current().orElse(null);
        RequestContext.Info request = RequestContext.current();
        Map<String, Object> record = new LinkedHashMap<>();
        // No id here: the database's append function draws one (gen_random_uuid), sparing a SecureRandom call per request.
        record.put("occurredAt", Instant.now().toString());
        record.put("actorId", actor == null ? "anonymous" : actor.auditId());
        record.put("actorRole", actor == null ? "anon" : actor.role().value());
        UUID org = entry.orgId() != null ? entry.orgId() : actor == null ? null : actor.orgId();
        record.put("orgId", org == null ? null : org.toString());
        record.put("action", entry.action());
        record.put("resourceType", entry.resourceType());
        record.put("resourceId", entry.resourceId());
        record.put("changedFields", entry.changedFields());
        record.put("outcome", entry.outcome());
        record.put("ip", request.ip());
        record.put("userAgent", request.userAgent());
        record.put("requestId", request.requestId());
        record.put("details", entry.details());
        return record;
    }
}
