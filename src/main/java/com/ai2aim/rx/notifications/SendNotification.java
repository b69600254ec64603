package com.ai2aim.rx.notifications;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What to send to whom. Exactly one of {@code patientId} and {@code userId} names the recipient.
 *
 * @param template       the template key, such as {@code prescription-ready}
 * @param channels       among {@code email, sms, push, in_app}; null or empty: the patient's preferred channels, or
 *                       every channel the template has
 * @param variables      template variables; those the records give (patientName, prescriptionNumber, medicationName,
 *                       pharmacyName, expiresOn, recipientName) are filled in and win over these
 * @param prescriptionId the prescription the message is about (fills its variables); must be the patient's
 * @param dedupKey       when given, a second send of this template to this recipient with this key sends nothing
 *                       and returns the first result
 */
public record SendNotification(UUID patientId, UUID userId, String template, List<String> channels,
                               Map<String, String> variables, UUID prescriptionId, String dedupKey) {

    public SendNotification {
        channels = channels == null ? List.of() : List.copyOf(channels);
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }

    public static SendNotification toPatient(UUID patientId, String template, Map<String, String> variables) {
        return new SendNotification(patientId, null, template, null, variables, null, null);
    }

    public static SendNotification toUser(UUID userId, String template, Map<String, String> variables) {
        return new SendNotification(null, userId, template, null, variables, null, null);
    }

    public SendNotification about(UUID prescription) {
        return new SendNotification(patientId, userId, template, channels, variables, prescription, dedupKey);
    }

    public SendNotification over(List<String> chosen) {
        return new SendNotification(patientId, userId, template, chosen, variables, prescriptionId, dedupKey);
    }

    public SendNotification once(String key) {
        return new SendNotification(patientId, userId, template, channels, variables, prescriptionId, key);
    }
}
