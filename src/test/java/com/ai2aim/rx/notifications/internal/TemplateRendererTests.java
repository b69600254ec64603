package com.ai2aim.rx.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.ai2aim.rx.platform.web.ApiException;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The text and HTML renderings of one template language: escaping is the only difference. */
class TemplateRendererTests {

    static final String HOSTILE = "<script>alert('x')</script> O'Brien & \"Sons\" `=`";
    static final String ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; O&#39;Brien &amp; &quot;Sons&quot; &#x60;&#x3D;&#x60;";

    @Test
    void htmlEscapesEveryVariableButKeepsTheTemplatesOwnMarkup() {
        String html = TemplateRenderer.renderHtml("htmlBody", "<p class=\"greeting\">Hello {{patientName}}</p>",
                Map.of("patientName", HOSTILE));
        assertThat(html).isEqualTo("<p class=\"greeting\">Hello " + ESCAPED + "</p>");
    }

    @Test
    void textKeepsTheSameValueVerbatim() {
        assertThat(TemplateRenderer.render("body", "Hello {{patientName}}", Map.of("patientName", HOSTILE)))
                .isEqualTo("Hello " + HOSTILE);
    }

    @Test
    void htmlEscapesValuesInsideSectionsToo() {
        String html = TemplateRenderer.renderHtml("htmlBody", "{{#note}}<em>{{note}}</em>{{/note}}",
                Map.of("note", "a < b & c"));
        assertThat(html).isEqualTo("<em>a &lt; b &amp; c</em>");
    }

    @Test
    void aVariableTheHtmlNeedsAndNobodyGivesIsNamed() {
        assertThat(invalidField(() -> TemplateRenderer.renderHtml("template.email.htmlBody", "<b>{{pickupDate}}</b>", Map.of())))
                .isEqualTo("variables.pickupDate");
    }

    @Test
    void noHtmlBodyRendersNothing() {
        assertThat(TemplateRenderer.renderHtml("htmlBody", null, Map.of("a", "b"))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<p>{{{patientName}}}</p>", "<p>{{&patientName}}</p>", "<p>{{ & patientName }}</p>",
            "{{=<% %>=}}<p><%{patientName}%></p>"})
    void htmlMayNotPrintAValueUnescaped(String html) {
        assertThat(invalidField(() -> TemplateRenderer.checkHtml("htmlBody", html))).isEqualTo("htmlBody");
        // The same tags are fine in plain text, where nothing is escaped anyway.
        assertThatNoException().isThrownBy(() -> TemplateRenderer.check("body", html));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<p>{{#open}} never closed</p>", "<p>{{> header}}</p>", "<p>{{/closed}}</p>"})
    void malformedHtmlIsRefusedLikeABody(String html) {
        assertThat(invalidField(() -> TemplateRenderer.checkHtml("htmlBody", html))).isEqualTo("htmlBody");
    }

    @Test
    void wellFormedHtmlPassesTheCheck() {
        assertThatNoException().isThrownBy(() -> TemplateRenderer.checkHtml("htmlBody",
                "<html><body style=\"color:#333\"><p>{{patientName}}</p>{{#note}}<i>{{note}}</i>{{/note}}</body></html>"));
    }

    private static String invalidField(ThrowingCallable call) {
        ApiException[] caught = new ApiException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> caught[0] = e);
        var error = caught[0].toError();
        assertThat(error.code()).isEqualTo("VALIDATION_ERROR");
        return error.details().get(0).field();
    }
}
