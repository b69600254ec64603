package com.ai2aim.rx.notifications.internal;

import com.ai2aim.rx.functions.RxFunction;
import com.ai2aim.rx.notifications.NotificationResult;
import com.ai2aim.rx.notifications.SendNotification;
import com.ai2aim.rx.platform.security.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code send-notification}: renders a template for a patient or a user and queues it on the chosen channels, in one
 * transaction as the caller (so row-level security decides which patients, users and prescriptions the caller may
 * name). Answers with the notification id and each channel's status: {@code queued} (with when, later than now
 * inside quiet hours) or {@code skipped} with the reason. Sending itself is the outbox worker's.
 */
@Component
class SendNotificationFunction implements RxFunction<SendNotificationFunction.Input, NotificationResult> {

    /** The function's body; see {@link SendNotification} for the meaning of each field. */
    record Input(UUID patientId, UUID userId, @NotBlank @Size(max = 64) String template,
                 @Size(max = 4) List<@NotNull String> channels,
                 @Size(max = 50) Map<@NotNull String, @NotNull String> variables,
                 UUID prescriptionId, @Size(min = 1, max = 200) String dedupKey) {}

    private final NotificationSender sender;
    private final TransactionTemplate transactions;

    SendNotificationFunction(NotificationSender sender, TransactionTemplate transactions) {
        this.sender = sender;
        this.transactions = transactions;
    }

    @Override public String name() { return "send-notification"; }
    @Override public Class<Input> inputType() { return Input.class; }
    @Override public Set<Role> allowedRoles() { return Set.of(Role.PHARMACIST, Role.TECHNICIAN, Role.PHYSICIAN, Role.ADMIN); }
    @Override public Duration timeout() { return Duration.ofSeconds(5); }

    @Override
    public boolean isTransient(RuntimeException failure) {
        return failure instanceof TransientDataAccessException;
    }

    @Override
    public NotificationResult invoke(Input input) {
        SendNotification request = new SendNotification(input.patientId(), input.userId(), input.template(),
                input.channels(), input.variables(), input.prescriptionId(), input.dedupKey());
        return transactions.execute(s -> sender.send(request));
    }
}
