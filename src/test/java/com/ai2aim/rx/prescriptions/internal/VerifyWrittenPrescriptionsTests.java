package com.ai2aim.rx.prescriptions.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.ai2aim.rx.prescriptions.PrescriptionStatus;
import com.ai2aim.rx.prescriptions.PrescriptionView;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class VerifyWrittenPrescriptionsTests {

    final UUID id = UUID.randomUUID();
    final PrescriptionRepository prescriptions = mock(PrescriptionRepository.class);
    final PrescriptionVerification verification = mock(PrescriptionVerification.class);
    final PrescriptionView view = mock(PrescriptionView.class);
    VerifyWrittenPrescriptions listener;

    @BeforeEach
    void setUp() {
        listener = new VerifyWrittenPrescriptions(prescriptions, verification,
                new TransactionTemplate(mock(PlatformTransactionManager.class)));
        when(prescriptions.lock(id)).thenReturn(Optional.of(view));
        when(view.lifecycleStatus()).thenReturn(PrescriptionStatus.PENDING);
    }

    @Test
    void leavesThePrescriptionToAPharmacistAfterThreeFailedAttempts() {
        when(verification.verify(id)).thenThrow(new IllegalStateException("rules broke"));

        assertThatCode(() -> listener.verify(id)).doesNotThrowAnyException();

        verify(verification, times(VerifyWrittenPrescriptions.ATTEMPTS)).verify(id);
        verify(verification).markManual(id);
    }

    @Test
    void aSecondDeliveryDoesNotVerifyAnAlreadyVerifiedPrescriptionAgain() {
        when(view.verificationStatus()).thenReturn("passed");

        listener.verify(id);

        verify(verification, never()).verify(id);
        verify(verification, never()).markManual(id);
    }

    @Test
    void aPrescriptionNoLongerPendingIsLeftAlone() {
        when(view.lifecycleStatus()).thenReturn(PrescriptionStatus.APPROVED);

        listener.verify(id);

        verify(verification, never()).verify(id);
    }
}
