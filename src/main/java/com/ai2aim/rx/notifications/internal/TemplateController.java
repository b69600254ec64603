package com.ai2aim.rx.notifications.internal;

import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ApiResponse;
import com.ai2aim.rx.platform.web.ETags;
import com.ai2aim.rx.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/notification-templates}: admins list, read and preview; global admins create, change and delete
 * (templates are shared by every organisation). Other roles get 403.
 */
@Tag(name = "Notification templates", description = "Mustache templates per key and channel, used by send-notification")
@RestController
@RequestMapping("/api/notification-templates")
class TemplateController {

    private final TemplateService templates;

    TemplateController(TemplateService templates) {
        this.templates = templates;
    }

    @Operation(summary = "List templates", description = "Admins. Filters: key, channel. Sort: key, channel, updatedAt.")
    @GetMapping
    ApiResponse<List<TemplateView>> list(@RequestParam(required = false) String key, @RequestParam(required = false) String channel,
                                         @RequestParam(required = false) String page, @RequestParam(required = false) String limit,
                                         @RequestParam(required = false) String sort) {
        if (channel != null && !channel.matches(TemplateRequests.CHANNEL)) {
            throw ApiException.invalid("channel", TemplateRequests.CHANNEL_MESSAGE);
        }
        PageQuery paging = PageQuery.of(page, limit, sort, TemplateRepository.SORTABLE, TemplateRepository.DEFAULT_ORDER);
        return ApiResponse.page(templates.list(key, channel, paging));
    }

    @Operation(summary = "Create a template", description = "Global admins. Subject and body must compile (400 otherwise); "
            + "a subject is required except for sms; 409 when the key, channel and locale are taken. Email templates may "
            + "add htmlBody (sent as the HTML alternative of body, every variable HTML-escaped; no {{{var}}} or {{&var}}); "
            + "htmlBody on another channel is a 400.")
    @PostMapping
    ResponseEntity<ApiResponse<TemplateView>> create(@Valid @RequestBody TemplateRequests.Create body) {
        TemplateView created = templates.create(body);
        return ResponseEntity.created(URI.create("/api/notification-templates/" + created.id()))
                .eTag(ETags.of(created.version())).body(ApiResponse.ok(created));
    }

    @Operation(summary = "One template")
    @GetMapping("/{id}")
    ResponseEntity<ApiResponse<TemplateView>> get(@PathVariable UUID id) {
        TemplateView template = templates.get(id);
        return ETags.ok(template, template.version());
    }

    @Operation(summary = "Change a template", description = "Global admins. Present fields change; the version goes up; "
            + "an empty htmlBody removes the HTML part. If-Match guards against lost updates (412).")
    @PutMapping("/{id}")
    ResponseEntity<ApiResponse<TemplateView>> update(@PathVariable UUID id, @Valid @RequestBody TemplateRequests.Update body,
                                                     @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        TemplateView updated = templates.update(id, body, ETags.expectedVersion(ifMatch));
        return ETags.ok(updated, updated.version());
    }

    @Operation(summary = "Delete a template (soft)", description = "Global admins. Sends using its key and channel no longer find it.")
    @DeleteMapping("/{id}")
    ApiResponse<Map<String, Object>> delete(@PathVariable UUID id) {
        templates.delete(id);
        return ApiResponse.ok(Map.of("id", id, "deleted", true));
    }

    @Operation(summary = "Render a template with sample variables", description = "Admins. A variable the template needs "
            + "and the body does not give is a 400 naming it. htmlBody is rendered escaped, as it will be sent.")
    @PostMapping("/{id}/preview")
    ApiResponse<TemplateRequests.Rendered> preview(@PathVariable UUID id, @Valid @RequestBody TemplateRequests.Preview body) {
        return ApiResponse.ok(templates.preview(id, body.variables()));
    }
}
