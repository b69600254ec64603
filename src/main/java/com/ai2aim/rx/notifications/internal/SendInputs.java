package com.ai2aim.rx.notifications.internal;

import com.ai2aim.rx.notifications.SendNotification;
import com.ai2aim.rx.platform.web.ApiException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** The checks every send gets, whether it came through the function or from another module: 400 on any failure. */
@Component
class SendInputs {

    static final Set<String> CHANNELS = Set.of("email", "sms", "push", "in_app");
    private static final Pattern KEY = Pattern.compile(TemplateRequests.KEY);
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final int MAX_VARIABLES = 50;
    private static final int MAX_VALUE = 1000;

    void check(SendNotification r) {
        if ((r.patientId() == null) == (r.userId() == null)) {
            throw ApiException.invalid(r.patientId() == null ? "patientId" : "userId", "give either patientId or userId, not both");
        }
        if (r.template() == null || !KEY.matcher(r.template()).matches()) {
            throw ApiException.invalid("template", "must be a template key (lower-case letters, digits, '.', '_' or '-')");
        }
        Set<String> seen = new HashSet<>();
        for (String channel : r.channels()) {
            if (channel == null || !CHANNELS.contains(channel)) {
                throw ApiException.invalid("channels", TemplateRequests.CHANNEL_MESSAGE);
            }
            if (!seen.add(channel)) {
                throw ApiException.invalid("channels", "lists " + channel + " twice");
            }
        }
        if (r.variables().size() > MAX_VARIABLES) {
            throw ApiException.invalid("variables", "at most " + MAX_VARIABLES + " variables");
        }
        for (Map.Entry<String, String> v : r.variables().entrySet()) {
            if (!VARIABLE.matcher(v.getKey()).matches()) {
                throw ApiException.invalid("variables", "names are letters, digits and '_', starting with a letter");
            }
            if (v.getValue().length() > MAX_VALUE || v.getValue().chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
                throw ApiException.invalid("variables." + v.getKey(), "must be at most " + MAX_VALUE + " characters without control characters");
            }
        }
        if (r.dedupKey() != null && (r.dedupKey().isBlank() || r.dedupKey().length() > 200)) {
            throw ApiException.invalid("dedupKey", "must be 1-200 characters");
        }
    }
}
