package com.ai2aim.rx.prescriptions.internal;

import com.ai2aim.rx.functions.RxFunction;
import com.ai2aim.rx.platform.security.Role;
import com.ai2aim.rx.prescriptions.internal.PrescriptionVerification.Outcome;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code prescription-verify}: verifies a pending prescription on demand, exactly as {@code POST
 * /api/prescriptions/{id}/verify} does, and returns the stored verdict with its findings. Automatic verification of
 * newly written prescriptions runs the same code through the outbox ({@link VerifyWrittenPrescriptions}).
 */
@Component
class VerifyPrescriptionFunction implements RxFunction<VerifyPrescriptionFunction.Input, Outcome> {

    record Input(@NotNull UUID prescriptionId) {}

    private final PrescriptionVerification verification;

    VerifyPrescriptionFunction(PrescriptionVerification verification) {
        this.verification = verification;
    }

    @Override public String name() { return "prescription-verify"; }
    @Override public Class<Input> inputType() { return Input.class; }
    @Override public Set<Role> allowedRoles() { return Set.of(Role.PHARMACIST, Role.PHYSICIAN, Role.ADMIN); }
    /** Room for a model review (RX_LLM_TIMEOUT, 20 s by default) on top of the rules' few milliseconds. */
    @Override public Duration timeout() { return Duration.ofSeconds(30); }
    /** Asked while a prescription is being written or checked at the counter; a few short statements. */
    @Override public boolean prioritised() { return true; }

    @Override
    public boolean isTransient(RuntimeException failure) {
        return failure instanceof TransientDataAccessException;
    }

    @Override
    public Outcome invoke(Input input) {
        return verification.verify(input.prescriptionId());
    }
}
