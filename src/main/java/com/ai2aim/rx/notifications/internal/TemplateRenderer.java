package com.ai2aim.rx.notifications.internal;

import com.ai2aim.rx.platform.web.ApiException;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders admin-edited templates with jmustache: logic-less, over a map of strings, so a template can insert values
 * and test them in sections but never run code. Text is rendered verbatim (no escaping); an email's HTML body is
 * rendered with every variable HTML-escaped, and may not switch that off, since the values come from patient records
 * and from the sender's request. A variable the template needs and the send does not give is a client error naming
 * the variable, never a silently blank gap.
 */
final class TemplateRenderer {

    private static final Mustache.Compiler TEXT = Mustache.compiler().escapeHTML(false);
    private static final Mustache.Compiler HTML = Mustache.compiler().escapeHTML(true);
    private static final Pattern PARTIAL = Pattern.compile("\\{\\{\\s*>");
    /** Triple mustaches and ampersand tags print a value unescaped; a delimiter change could hide them. */
    private static final Pattern UNESCAPED = Pattern.compile("\\{\\{\\s*[{&=]");

    private TemplateRenderer() {}

    /** Refuses text that does not compile (400 naming {@code field}); partials are refused too: there is no loader. */
    static void check(String field, String text) {
        if (text == null) {
            return;
        }
        if (PARTIAL.matcher(text).find()) {
            throw ApiException.invalid(field, "partials ({{> name}}) are not supported");
        }
        compile(TEXT, field, text);
    }

    /** As {@link #check}, and refuses tags that would print a value without HTML escaping. */
    static void checkHtml(String field, String html) {
        check(field, html);
        if (html != null && UNESCAPED.matcher(html).find()) {
            throw ApiException.invalid(field,
                    "unescaped variables ({{{name}}}, {{&name}}) and delimiter changes are not allowed in HTML");
        }
    }

    static String render(String field, String text, Map<String, String> variables) {
        return execute(TEXT, field, text, variables);
    }

    /** Renders an HTML body: every variable is HTML-escaped. */
    static String renderHtml(String field, String html, Map<String, String> variables) {
        return execute(HTML, field, html, variables);
    }

    private static String execute(Mustache.Compiler compiler, String field, String text, Map<String, String> variables) {
        if (text == null) {
            return null;
        }
        Template template = compile(compiler, field, text);
        try {
            return template.execute(variables);
        } catch (MustacheException.Context e) {
            throw ApiException.invalid("variables." + e.key, "is required by the template");
        } catch (MustacheException | UnsupportedOperationException e) {
            throw ApiException.invalid(field, "the template cannot be rendered");
        }
    }

    private static Template compile(Mustache.Compiler compiler, String field, String text) {
        try {
            return compiler.compile(text);
        } catch (MustacheException e) {
            throw ApiException.invalid(field, "template syntax: " + e.getMessage());
        }
    }
}
