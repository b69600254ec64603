package com.ai2aim.rx.communications;

import com.ai2aim.rx.communications.internal.CommunicationRepository;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for other modules. Runs in the caller's transaction (or opens one as the current actor), so
 * row-level security decides what the caller may see.
 */
@Component
public class Communications {

    private final CommunicationRepository communications;

    Communications(CommunicationRepository communications) {
        this.communications = communications;
    }

    /**
     * The patient's communications the current actor may see, newest first, without deleted ones. For the patient
     * history timeline; holds no subject or body, and records no access itself (the caller audits its own read).
     */
    @Transactional(readOnly = true)
    public List<CommunicationSummary> forPatient(UUID patientId) {
        return communications.summariesForPatient(patientId);
    }
}
