package com.ai2aim.rx.notifications.internal;

import com.ai2aim.rx.platform.web.ApiException;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders admin-edited templates with jmustache: logic-less, over a map of strings, so a template can insert values
 * and test them in sections but never run code. Output is plain text (no HTML escaping). A variable the template
 * needs and the send does not give is a client error naming the variable, never a silently blank gap.
 */
final class TemplateRenderer {

    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false);
    private static final Pattern PARTIAL = Pattern.compile("\\{\\{\\s*>");

    private TemplateRenderer() {}

    /** Refuses text that does not compile (400 naming {@code field}); partials are refused too: there is no loader. */
    static void check(String field, String text) {
        if (text == null) {
            return;
        }
        if (PARTIAL.matcher(text).find()) {
            throw ApiException.invalid(field, "partials ({{> name}}) are not supported");
        }
        compile(field, text);
    }

    static String render(String field, String text, Map<String, String> variables) {
        if (text == null) {
            return null;
        }
        Template template = compile(field, text);
        try {
            return template.execute(variables);
        } catch (MustacheException.Context e) {
            throw ApiException.invalid("variables." + e.key, "is required by the template");
        } catch (MustacheException | UnsupportedOperationException e) {
            throw ApiException.invalid(field, "the template cannot be rendered");
        }
    }

    private static Template compile(String field, String text) {
        try {
            return COMPILER.compile(text);
        } catch (MustacheException e) {
            throw ApiException.invalid(field, "template syntax: " + e.getMessage());
        }
    }
}
