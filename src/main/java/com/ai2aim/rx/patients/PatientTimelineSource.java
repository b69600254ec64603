package com.ai2aim.rx.patients;

import java.util.List;
import java.util.UUID;

/**
 * Contributes entries to a patient's history ({@code GET /api/patients/{id}/history}). Every bean implementing it
 * is asked, inside the request's transaction and so under the caller's row-level security; the history merges all
 * entries newest first and pages them. Implementations return only what the caller may see, and summaries that
 * carry no PHI (say "Prescription approved", never the drug or the patient's name).
 */
public interface PatientTimelineSource {

    List<TimelineEntry> entriesFor(UUID patientId);
}
