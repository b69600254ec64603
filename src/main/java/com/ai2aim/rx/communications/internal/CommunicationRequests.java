package com.ai2aim.rx.communications.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * Bodies of the communication endpoints. Text is refused when it holds characters PostgreSQL cannot store (NUL) or
 * that no person types (other control characters, unpaired surrogates), so hostile input fails as a 400 here rather
 * than as a database error later. Messages never echo the value.
 */
final class CommunicationRequests {

    static final String CHANNELS = "in_app|email|sms|phone|fax|portal";
    static final String CHANNEL_MESSAGE = "must be one of in_app, email, sms, phone, fax, portal";
    /** One line: no control characters at all. */
    static final String SINGLE_LINE = "[^\\p{Cntrl}\\p{Cs}]*";
    /** Free text: tabs and line breaks allowed, other control characters not. */
    static final String MULTI_LINE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\p{Cs}]*";
    static final String NOT_BLANK = com.ai2aim.rx.platform.validation.TextPatterns.NOT_BLANK;
    static final String CONTROL_MESSAGE = "must not contain control characters";
    static final int MAX_RECIPIENTS = 50;

    private CommunicationRequests() {}

    /** {@code POST /api/communications}. The sender is the signed-in user; the organisation is the sender's. */
    record Create(@NotNull @Size(min = 1, max = MAX_RECIPIENTS, message = "must list 1 to " + MAX_RECIPIENTS + " recipients")
                  List<@NotNull UUID> recipientIds,
                  UUID patientId,
                  UUID prescriptionId,
                  @NotNull @Pattern(regexp = CHANNELS, message = CHANNEL_MESSAGE) String channel,
                  @NotBlank @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = CONTROL_MESSAGE) String subject,
                  @NotBlank @Size(max = 10_000) @Pattern(regexp = MULTI_LINE, message = CONTROL_MESSAGE) String body) {}

    /** {@code PUT /api/communications/{id}}: content only, and only until someone has read it. */
    record Update(@Size(max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
                  @Pattern(regexp = SINGLE_LINE, message = CONTROL_MESSAGE) String subject,
                  @Size(max = 10_000) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
                  @Pattern(regexp = MULTI_LINE, message = CONTROL_MESSAGE) String body,
                  @Pattern(regexp = CHANNELS, message = CHANNEL_MESSAGE) String channel) {

        boolean isEmpty() {
            return subject == null && body == null && channel == null;
        }
    }
}
