package com.ai2aim.rx.notifications.internal;

import com.ai2aim.rx.platform.validation.TextPatterns;
import com.ai2aim.rx.platform.validation.ValidLanguage;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** Bodies of the template admin API. */
final class TemplateRequests {

    static final String CHANNEL = "email|sms|push|in_app";
    static final String CHANNEL_MESSAGE = "must be one of email, sms, push, in_app";
    static final String KEY = "[a-z0-9][a-z0-9._-]{0,63}";
    static final int MAX_HTML = 100_000;

    private TemplateRequests() {}

    record Create(@NotBlank @Pattern(regexp = KEY, message = "must be lower-case letters, digits, '.', '_' or '-' (1-64)") String key,
                  @NotBlank @Pattern(regexp = CHANNEL, message = CHANNEL_MESSAGE) String channel,
                  @ValidLanguage String locale,
                  @Size(max = 500) String subject,
                  @NotBlank @Size(max = 20000) String body,
                  @Pattern(regexp = TextPatterns.NOT_BLANK, message = "must not be blank; leave it out for plain-text email")
                  @Size(max = MAX_HTML) String htmlBody,
                  Boolean active) {}

    /** Present fields change, absent ones stay; an empty {@code htmlBody} removes the HTML part. */
    record Update(@Size(max = 500) String subject, @Size(min = 1, max = 20000) String body,
                  @Size(max = MAX_HTML) String htmlBody, Boolean active) {}

    record Preview(@Size(max = 50) Map<@NotNull String, @NotNull @Size(max = 1000) String> variables) {}

    /** {@code htmlBody} is null when the template has none. */
    record Rendered(String subject, String body, String htmlBody) {}
}
