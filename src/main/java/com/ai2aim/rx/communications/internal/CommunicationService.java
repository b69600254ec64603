package com.ai2aim.rx.communications.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.patients.Patients;
import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.web.ApiError;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ETags;
import com.ai2aim.rx.platform.web.ErrorCode;
import com.ai2aim.rx.platform.web.PageQuery;
import com.ai2aim.rx.platform.web.PageResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sending, reading, editing and deleting communications as the signed-in actor. Row-level security already hides
 * what the actor may not see; the rules here add who may change what, and when. Audit entries carry field names
 * only: subject and body may hold PHI.
 */
@Service
class CommunicationService {

    private static final String RESOURCE = "communication";

    private final CommunicationRepository communications;
    private final AuditTrail audit;

    private final Patients patients;

    CommunicationService(CommunicationRepository communications, AuditTrail audit, Patients patients) {
        this.communications = communications;
        this.audit = audit;
        this.patients = patients;
    }

    @Transactional(readOnly = true)
    public PageResult<CommunicationView> list(CommunicationRepository.Filter filter, PageQuery page) {
        Actor actor = Actors.required();
        return communications.list(CommunicationAccess.listScope(actor), actor.userId(), filter, page);
    }

    @Transactional(readOnly = true)
    public CommunicationView get(UUID id) {
        return visible(id, Actors.required());
    }

    @Transactional
    public CommunicationView send(CommunicationRequests.Create request) {
        Actor actor = Actors.required();
        if (actor.userId() == null) {
            throw new ApiException(ErrorCode.FORBIDDEN, "A communication needs a signed-in sender");
        }
        if (request.patientId() != null && patients.find(request.patientId()).isEmpty()) {
            // Checked under the sender's row-level security: a patient they cannot see is as good as absent.
            throw ApiException.invalid("patientId", "no such patient");
        }
        List<UUID> recipients = new ArrayList<>(new LinkedHashSet<>(request.recipientIds()));
        UUID org = organisationFor(actor, request.recipientIds(), communications.addressable(recipients));
        UUID id = communications.insert(new CommunicationRepository.NewCommunication(org, actor.userId(), request.patientId(),
                request.prescriptionId(), request.channel(), request.subject(), request.body()));
        communications.addRecipients(id, org, recipients);
        audit.recordChange(AuditEntry.of("communication.create", RESOURCE, id).inOrganisation(org)
                .changed(List.of("recipients", "patient_id", "prescription_id", "channel", "subject", "body"))
                .withDetails(Map.of("recipientCount", recipients.size())));
        return communications.find(id).orElseThrow();
    }

    @Transactional
    public CommunicationView edit(UUID id, CommunicationRequests.Update request, Integer expectedVersion) {
        if (request.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "Give at least one of subject, body, channel");
        }
        Actor actor = Actors.required();
        CommunicationView current = changeable(id, actor);
        // Lock first, then look for reads: a concurrent first read either committed already (we see it) or waits for us.
        if (!communications.lockForChange(id)) {
            throw ApiException.notFound("Communication");
        }
        if (communications.anyRecipientHasRead(id)) {
            throw ApiException.conflict("A communication cannot be edited once a recipient has read it");
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        if (request.subject() != null) columns.put("subject", request.subject());
        if (request.body() != null) columns.put("body", request.body());
        if (request.channel() != null) columns.put("channel", request.channel());
        if (!communications.updateContent(id, expectedVersion, columns)) {
            throw ETags.stale();
        }
        audit.recordChange(AuditEntry.of("communication.update", RESOURCE, id).inOrganisation(current.orgId())
                .changed(new ArrayList<>(columns.keySet())));
        return communications.find(id).orElseThrow();
    }

    @Transactional
    public void delete(UUID id) {
        Actor actor = Actors.required();
        CommunicationView current = changeable(id, actor);
        if (!communications.softDelete(id)) {
            throw ApiException.notFound("Communication");
        }
        audit.recordChange(AuditEntry.of("communication.delete", RESOURCE, id).inOrganisation(current.orgId())
                .changed(List.of("deleted_at")));
    }

    /** Idempotent: the first call records the read time, later calls return it unchanged and record nothing. */
    @Transactional
    public CommunicationRepository.ReadMark markRead(UUID id) {
        Actor actor = Actors.required();
        CommunicationView current = visible(id, actor);
        CommunicationRepository.ReadMark mark = communications.markRead(id)
                .orElseThrow(() -> new ApiException(ErrorCode.FORBIDDEN, "Only a recipient can mark a communication read"));
        if (mark.newlyRead()) {
            audit.recordChange(AuditEntry.of("communication.mark_read", RESOURCE, id).inOrganisation(current.orgId())
                    .changed(List.of("read_at")));
        }
        return mark;
    }

    @Transactional(readOnly = true)
    public long unreadCount() {
        Actor actor = Actors.required();
        return actor.userId() == null ? 0 : communications.unreadCount(actor.userId());
    }

    private CommunicationView visible(UUID id, Actor actor) {
        return communications.find(id).filter(c -> CommunicationAccess.participantsAndStaffMaySee(actor, c))
                .orElseThrow(() -> ApiException.notFound("Communication"));
    }

    private CommunicationView changeable(UUID id, Actor actor) {
        CommunicationView current = visible(id, actor);
        if (!CommunicationAccess.onlySenderOrAdminMayChange(actor, current)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only the sender or an admin may change a communication");
        }
        return current;
    }

    /**
     * The sender's organisation, once every recipient is known to be addressable. A global admin belongs to no
     * organisation, so theirs is the recipients' one (which must then be a single one).
     */
    private static UUID organisationFor(Actor actor, List<UUID> requested, List<CommunicationRepository.Addressable> allowed) {
        Set<UUID> allowedIds = allowed.stream().map(CommunicationRepository.Addressable::userId).collect(Collectors.toSet());
        List<ApiError.FieldDetail> unknown = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            if (!allowedIds.contains(requested.get(i))) {
                unknown.add(new ApiError.FieldDetail("recipientIds[" + i + "]", "is not a user you can send to"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "Request validation failed", unknown);
        }
        if (actor.orgId() != null) {
            return actor.orgId();
        }
        Set<UUID> orgs = allowed.stream().map(CommunicationRepository.Addressable::orgId).collect(Collectors.toSet());
        if (orgs.size() != 1) {
            throw ApiException.invalid("recipientIds", "must all belong to one organisation");
        }
        return orgs.iterator().next();
    }
}
