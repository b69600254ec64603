package com.ai2aim.rx.communications.internal;

import com.ai2aim.rx.communications.Communications;
import com.ai2aim.rx.patients.PatientTimelineSource;
import com.ai2aim.rx.patients.TimelineEntry;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Puts communications about a patient on their timeline: channel and time only, never subject or body. */
@Component
class CommunicationTimeline implements PatientTimelineSource {

    private final Communications communications;

    CommunicationTimeline(Communications communications) {
        this.communications = communications;
    }

    @Override
    public List<TimelineEntry> entriesFor(UUID patientId) {
        return communications.forPatient(patientId).stream()
                .map(c -> new TimelineEntry(c.sentAt(), "communication", "Communication via " + c.channel(), c.id(), "communication"))
                .toList();
    }
}
