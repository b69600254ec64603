package com.ai2aim.rx.patients;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of a patient's history.
 *
 * @param type         a stable dotted name such as {@code allergy.recorded} or {@code prescription.approved}
 * @param summary      human text without PHI values
 * @param resourceId   the record the entry is about, for a client to open
 * @param resourceType that record's type, such as {@code patient_allergy} or {@code prescription}
 */
public record TimelineEntry(Instant at, String type, String summary, UUID resourceId, String resourceType) {

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
    }
}
