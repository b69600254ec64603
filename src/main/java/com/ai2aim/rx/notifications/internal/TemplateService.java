package com.ai2aim.rx.notifications.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ErrorCode;
import com.ai2aim.rx.platform.web.PageQuery;
import com.ai2aim.rx.platform.web.PageResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Template administration. Templates are shared by every organisation, so any admin reads and previews them and only
 * a global admin changes them (the table's row-level security says the same). Every change is audited with the
 * changed field names; the text itself is not copied into the trail.
 */
@Service
class TemplateService {

    private final TemplateRepository templates;
    private final AuditTrail audit;

    TemplateService(TemplateRepository templates, AuditTrail audit) {
        this.templates = templates;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public PageResult<TemplateView> list(String key, String channel, PageQuery page) {
        requireAdmin();
        return templates.list(key, channel, page);
    }

    @Transactional(readOnly = true)
    public TemplateView get(UUID id) {
        requireAdmin();
        return templates.find(id).orElseThrow(() -> ApiException.notFound("Template"));
    }

    @Transactional
    public TemplateView create(TemplateRequests.Create request) {
        Actor actor = requireGlobalAdmin();
        checkText(request.channel(), request.subject(), request.body());
        checkHtml(request.channel(), request.htmlBody());
        UUID id;
        try {
            id = templates.insert(request, actor.userId());
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("A template with this key, channel and locale exists already");
        }
        audit.recordChange(AuditEntry.of("notification_template.create", "notification_template", id)
                .changed(request.htmlBody() == null ? List.of("key", "channel", "locale", "subject", "body", "active")
                        : List.of("key", "channel", "locale", "subject", "body", "htmlBody", "active")));
        return templates.find(id).orElseThrow();
    }

    @Transactional
    public TemplateView update(UUID id, TemplateRequests.Update request, Integer expectedVersion) {
        requireGlobalAdmin();
        TemplateView current = templates.lock(id).orElseThrow(() -> ApiException.notFound("Template"));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new ApiException(ErrorCode.PRECONDITION_FAILED, "The template was changed by someone else");
        }
        String subject = request.subject() == null ? current.subject() : request.subject();
        String body = request.body() == null ? current.body() : request.body();
        boolean active = request.active() == null ? current.active() : request.active();
        checkText(current.channel(), subject, body);
        checkHtml(current.channel(), request.htmlBody());
        String htmlBody = request.htmlBody() == null ? current.htmlBody()
                : request.htmlBody().isBlank() ? null : request.htmlBody();
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(subject, current.subject())) changed.add("subject");
        if (!Objects.equals(body, current.body())) changed.add("body");
        if (!Objects.equals(htmlBody, current.htmlBody())) changed.add("htmlBody");
        if (active != current.active()) changed.add("active");
        templates.update(id, subject, body, htmlBody, active);
        audit.recordChange(AuditEntry.of("notification_template.update", "notification_template", id).changed(changed));
        return templates.find(id).orElseThrow();
    }

    @Transactional
    public void delete(UUID id) {
        requireGlobalAdmin();
        templates.lock(id).orElseThrow(() -> ApiException.notFound("Template"));
        templates.delete(id);
        audit.recordChange(AuditEntry.of("notification_template.delete", "notification_template", id).changed(List.of("deleted_at")));
    }

    @Transactional(readOnly = true)
    public TemplateRequests.Rendered preview(UUID id, Map<String, String> variables) {
        TemplateView template = get(id);
        Map<String, String> vars = variables == null ? Map.of() : variables;
        return new TemplateRequests.Rendered(TemplateRenderer.render("subject", template.subject(), vars),
                TemplateRenderer.render("body", template.body(), vars),
                TemplateRenderer.renderHtml("htmlBody", template.htmlBody(), vars));
    }

    /** Email, push and in-app show a subject (title); SMS has none. */
    private static void checkText(String channel, String subject, String body) {
        if (!"sms".equals(channel) && (subject == null || subject.isBlank())) {
            throw ApiException.invalid("subject", "is required for the " + channel + " channel");
        }
        TemplateRenderer.check("subject", subject);
        TemplateRenderer.check("body", body);
    }

    /** Only email has an HTML part; it follows the body's syntax rules and may not print a value unescaped. */
    private static void checkHtml(String channel, String htmlBody) {
        if (htmlBody == null) {
            return;
        }
        if (!"email".equals(channel)) {
            throw ApiException.invalid("htmlBody", "is only for the email channel");
        }
        TemplateRenderer.checkHtml("htmlBody", htmlBody);
    }

    private static Actor requireAdmin() {
        Actor actor = Actors.required();
        if (!actor.isAdmin() && !actor.isService()) {
            throw ApiException.forbidden();
        }
        return actor;
    }

    private static Actor requireGlobalAdmin() {
        Actor actor = requireAdmin();
        if (!actor.isGlobalAdmin() && !actor.isService()) {
            throw ApiException.forbidden();
        }
        return actor;
    }
}
