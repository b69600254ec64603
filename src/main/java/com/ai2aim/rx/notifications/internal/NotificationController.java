package com.ai2aim.rx.notifications.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ApiResponse;
import com.ai2aim.rx.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /api/notifications}: every signed-in user's own in-app notifications, their live stream, and the push
 * devices they register. Nobody sees another user's; the service role has no inbox (403).
 */
@Tag(name = "Notifications", description = "The signed-in user's in-app notifications, live stream and push devices")
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final InboxService inbox;
    private final LiveStreams streams;
    private final AuditTrail audit;

    NotificationController(InboxService inbox, LiveStreams streams, AuditTrail audit) {
        this.inbox = inbox;
        this.streams = streams;
        this.audit = audit;
    }

    @Operation(summary = "The caller's in-app notifications", description = "Newest first; unread=true for unread only; page, limit.")
    @GetMapping
    ApiResponse<List<NotificationRepository.InboxItem>> list(@RequestParam(required = false) String unread,
                                                             @RequestParam(required = false) String page,
                                                             @RequestParam(required = false) String limit) {
        if (unread != null && !unread.equals("true") && !unread.equals("false")) {
            throw ApiException.invalid("unread", "must be true or false");
        }
        PageQuery paging = PageQuery.of(page, limit, null, Map.of(), "in_app_at desc");
        var result = inbox.list("true".equals(unread), paging);
        audit.recordAccess(AuditEntry.of("notification.list", "notification", null)
                .withDetails(Map.of("count", result.items().size(), "unread", "true".equals(unread))));
        return ApiResponse.page(result);
    }

    @Operation(summary = "Mark one of the caller's notifications read", description = "Idempotent: a second call returns the first read time.")
    @PostMapping("/{id}/read")
    ApiResponse<Map<String, Object>> markRead(@PathVariable UUID id) {
        return ApiResponse.ok(Map.of("id", id, "readAt", inbox.markRead(id)));
    }

    @Operation(summary = "Mark all of the caller's notifications read")
    @PostMapping("/read-all")
    ApiResponse<Map<String, Object>> markAllRead() {
        return ApiResponse.ok(Map.of("marked", inbox.markAllRead()));
    }

    @Operation(summary = "Live stream of the caller's in-app notifications (Server-Sent Events)",
            description = "Authenticated like any call (Authorization: Bearer, or the session cookie). Sends `ready` once open, "
                    + "then `notification` events (the inbox item as JSON, id = notification id) and comment heartbeats.")
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return streams.open(InboxService.user().userId());
    }

    record DeviceRequest(@NotBlank @Size(min = 8, max = 4096) @Pattern(regexp = "[A-Za-z0-9_:.\\-]+", message = "must be an FCM registration token") String token,
                         @Pattern(regexp = "android|ios|web", message = "must be one of android, ios, web") String platform) {}

    record DeviceToken(@NotBlank @Size(max = 4096) String token) {}

    @Operation(summary = "Register an FCM registration token for push to the caller",
            description = "A token registered by another user moves to the caller (one device, one user).")
    @PostMapping("/devices")
    ResponseEntity<ApiResponse<Map<String, Object>>> registerDevice(@Valid @RequestBody DeviceRequest body) {
        UUID id = inbox.registerDevice(body.token(), body.platform());
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.ok(Map.of("id", id)));
    }

    @Operation(summary = "Forget one of the caller's push tokens", description = "The token is in the JSON body; 404 when it is not the caller's.")
    @DeleteMapping("/devices")
    ApiResponse<Map<String, Object>> forgetDevice(@Valid @RequestBody DeviceToken body) {
        inbox.forgetDevice(body.token());
        return ApiResponse.ok(Map.of("deleted", true));
    }
}
