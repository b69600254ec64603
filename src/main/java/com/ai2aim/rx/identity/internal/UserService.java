package com.ai2aim.rx.identity.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.security.Role;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ETags;
import com.ai2aim.rx.platform.web.ErrorCode;
import com.ai2aim.rx.platform.web.PageQuery;
import com.ai2aim.rx.platform.web.PageResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * User profiles. Every method runs as the signed-in actor, so row-level security already hides other
 * organisations' users (they are "not found"); the rules here add who may change what.
 */
@Service
class UserService {

    private final UserRepository users;
    private final CredentialRepository credentials;
    private final OrganizationRepository organizations;
    private final Passwords passwords;
    private final AuditTrail audit;
    private final ActiveSessions sessions;
    private final JsonMapper json;

    UserService(UserRepository users, CredentialRepository credentials, OrganizationRepository organizations,
                Passwords passwords, AuditTrail audit, ActiveSessions sessions, JsonMapper json) {
        this.users = users;
        this.credentials = credentials;
        this.organizations = organizations;
        this.passwords = passwords;
        this.audit = audit;
        this.sessions = sessions;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public PageResult<UserView> list(UserRepository.Filter filter, PageQuery page) {
        return users.list(filter, page);
    }

    @Transactional(readOnly = true)
    public UserView get(UUID id) {
        Actor actor = Actors.required();
        if (!id.equals(actor.userId()) && !actor.isAdmin()) {
            throw ApiException.forbidden();
        }
        return users.find(id).orElseThrow(() -> ApiException.notFound("User"));
    }

    @Transactional
    public UserView create(UserRequests.AdminCreate request) {
        Actor actor = Actors.required();
        Role role = Role.parseHuman(request.appMetadata().rxRole())
                .orElseThrow(() -> ApiException.invalid("app_metadata.rx_role", "must be one of admin, pharmacist, technician, physician, patient"));
        UUID org = request.appMetadata().orgId();
        checkPlacement(actor, role, org, "app_metadata.org_id");
        if (users.findByEmail(request.email()).isPresent()) {
            throw ApiException.conflict("A user with this email already exists");
        }
        String fullName = request.userMetadata() != null && request.userMetadata().get("full_name") instanceof String s ? s : null;
        UUID id = users.insert(request.email().trim(), fullName, request.phone(), role.value(), org, request.userMetadata());
        credentials.setPassword(id, passwords.hash(request.password()));
        audit.recordChange(AuditEntry.of("user.create", "user", id).inOrganisation(org)
                .changed(List.of("email", "role", "org_id", "password")));
        return users.find(id).orElseThrow();
    }

    @Transactional
    public UserView update(UUID id, UserRequests.Update request, Integer expectedVersion) {
        Actor actor = Actors.required();
        boolean self = id.equals(actor.userId());
        if (!self && !actor.isAdmin()) {
            throw ApiException.forbidden();
        }
        UserView current = users.find(id).orElseThrow(() -> ApiException.notFound("User"));
        if (!actor.isAdmin() && (request.email() != null || request.isActive() != null || request.npi() != null
                || request.deaNumber() != null)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only an admin may change email, status or prescriber identifiers");
        }
        if (self && Boolean.FALSE.equals(request.isActive())) {
            throw ApiException.conflict("You cannot deactivate your own account");
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        if (request.fullName() != null) columns.put("full_name", request.fullName());
        if (request.phone() != null) columns.put("phone", request.phone());
        if (request.email() != null) columns.put("email", request.email().trim());
        if (request.isActive() != null) columns.put("is_active", request.isActive());
        if (request.npi() != null) columns.put("npi", request.npi());
        if (request.deaNumber() != null) columns.put("dea_number", request.deaNumber());
        if (request.language() != null) columns.put("language", request.language());
        if (request.userMetadata() != null) columns.put("user_metadata", json.writeValueAsString(request.userMetadata()));
        if (columns.isEmpty()) {
            return current;
        }
        if (!users.update(id, expectedVersion, columns)) {
            throw ETags.stale();
        }
        audit.recordChange(AuditEntry.of("user.update", "user", id).inOrganisation(current.orgId()).changed(new ArrayList<>(columns.keySet())));
        if (Boolean.FALSE.equals(request.isActive())) {
            endSessions(id, "deactivated");
        }
        return users.find(id).orElseThrow();
    }

    @Transactional
    public void deactivate(UUID id) {
        Actor actor = Actors.required();
        if (id.equals(actor.userId())) {
            throw ApiException.conflict("You cannot deactivate your own account");
        }
        UserView current = users.find(id).orElseThrow(() -> ApiException.notFound("User"));
        deactivate(current, Map.of());
    }

    /**
     * The inactive-user-cleanup job's path (as the service): deactivates the user if, inside this transaction, they
     * are still an active non-admin who has not signed in since {@code cutoff}; returns whether it did.
     */
    @Transactional
    public boolean deactivateIfInactive(UUID id, java.time.Instant cutoff) {
        UserView current = users.find(id).orElse(null);
        if (current == null || !current.isActive() || "admin".equals(current.role())
                || !(current.lastLogin() == null ? current.createdAt() : current.lastLogin()).isBefore(cutoff)) {
            return false;
        }
        deactivate(current, Map.of("reason", "inactive", "cutoff", cutoff.toString()));
        return true;
    }

    /** Deactivation and its session ending, shared by the admin API and the inactive-user-cleanup job. */
    private void deactivate(UserView current, Map<String, Object> details) {
        UUID id = current.id();
        users.update(id, null, Map.of("is_active", false, "deactivated_at", java.sql.Timestamp.from(java.time.Instant.now())));
        audit.recordChange(AuditEntry.of("user.deactivate", "user", id).inOrganisation(current.orgId())
                .changed(List.of("is_active")).withDetails(details));
        endSessions(id, "deactivated");
    }

    @Transactional
    public UserView changeRole(UUID id, UserRequests.ChangeRole request, Integer expectedVersion) {
        Actor actor = Actors.required();
        Role role = Role.parseHuman(request.role())
                .orElseThrow(() -> ApiException.invalid("role", "must be one of admin, pharmacist, technician, physician, patient"));
        UserView current = users.find(id).orElseThrow(() -> ApiException.notFound("User"));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw ETags.stale();
        }
        UUID org = request.orgId() != null ? request.orgId() : current.orgId();
        if (role == Role.ADMIN && request.orgId() == null && actor.isGlobalAdmin() && current.orgId() == null) {
            org = null;
        }
        checkPlacement(actor, role, org, "orgId");
        if (id.equals(actor.userId()) && role != Role.ADMIN) {
            throw ApiException.conflict("You cannot remove your own admin role");
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("role", role.value());
        columns.put("org_id", org);
        users.update(id, null, columns);
        audit.recordChange(AuditEntry.of("user.role_change", "user", id).inOrganisation(org).changed(List.of("role", "org_id"))
                .withDetails(Map.of("from", current.role(), "to", role.value())));
        // Tokens carry the role: end the user's sessions so the next sign-in picks up the new one.
        endSessions(id, "role_changed");
        return users.find(id).orElseThrow();
    }

    private void checkPlacement(Actor actor, Role role, UUID org, String field) {
        if (role != Role.ADMIN && org == null) {
            throw ApiException.invalid(field, "is required for every role except a global admin");
        }
        if (org == null && !actor.isGlobalAdmin()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only a global admin may create or appoint a global admin");
        }
        if (org != null && !actor.administers(org)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "You may only manage users of your own organisation");
        }
        if (org != null && organizations.find(org).isEmpty()) {
            throw ApiException.invalid(field, "organisation does not exist");
        }
    }

    private void endSessions(UUID userId, String reason) {
        sessions.forget(credentials.revokeSessionsOf(userId, null, reason));
    }
}
