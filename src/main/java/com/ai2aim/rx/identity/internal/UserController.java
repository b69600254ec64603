package com.ai2aim.rx.identity.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ApiResponse;
import com.ai2aim.rx.platform.web.ETags;
import com.ai2aim.rx.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Users", description = "User profiles")
@RestController
@RequestMapping("/api/users")
class UserController {

    private final UserService users;
    private final AuditTrail audit;

    UserController(UserService users, AuditTrail audit) {
        this.users = users;
        this.audit = audit;
    }

    @Operation(summary = "List users (admin)", description = "Filters: role, orgId, active. Sort: createdAt, email, fullName, role, lastLogin.")
    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    ApiResponse<List<UserView>> list(@RequestParam(required = false) String role, @RequestParam(required = false) UUID orgId,
                                     @RequestParam(required = false) Boolean active, @RequestParam(required = false) String page,
                                     @RequestParam(required = false) String limit, @RequestParam(required = false) String sort) {
        if (role != null && com.ai2aim.rx.platform.security.Role.parseHuman(role).isEmpty()) {
            throw ApiException.invalid("role", "must be one of admin, pharmacist, technician, physician, patient");
        }
        PageQuery paging = PageQuery.of(page, limit, sort, UserRepository.SORTABLE, "created_at desc, id");
        var result = users.list(new UserRepository.Filter(role, orgId, active), paging);
        audit.recordAccess(AuditEntry.of("user.list", "user", null).withDetails(Map.of("count", result.items().size())));
        return ApiResponse.page(result);
    }

    @Operation(summary = "One user (self or admin)")
    @GetMapping("/{id}")
    ResponseEntity<ApiResponse<UserView>> get(@PathVariable UUID id) {
        UserView user = users.get(id);
        audit.recordAccess(AuditEntry.of("user.read", "user", id).inOrganisation(user.orgId()));
        return ETags.ok(user, user.version());
    }

    @Operation(summary = "Update a profile", description = "Self: fullName, phone, userMetadata. Admin: also email and isActive. If-Match guards against lost updates.")
    @PutMapping("/{id}")
    ResponseEntity<ApiResponse<UserView>> update(@PathVariable UUID id, @Valid @RequestBody UserRequests.Update body,
                                                 @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        UserView updated = users.update(id, body, ETags.expectedVersion(ifMatch));
        return ETags.ok(updated, updated.version());
    }

    @Operation(summary = "Deactivate a user (admin)", description = "Keeps the record, ends every session.")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ApiResponse<Map<String, Object>> deactivate(@PathVariable UUID id) {
        users.deactivate(id);
        return ApiResponse.ok(Map.of("id", id, "isActive", false));
    }

    @Operation(summary = "Change a user's role (admin)")
    @PutMapping("/{id}/role")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<ApiResponse<UserView>> changeRole(@PathVariable UUID id, @Valid @RequestBody UserRequests.ChangeRole body,
                                                     @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        UserView updated = users.changeRole(id, body, ETags.expectedVersion(ifMatch));
        return ETags.ok(updated, updated.version());
    }
}
