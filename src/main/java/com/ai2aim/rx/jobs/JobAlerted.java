package com.ai2aim.rx.jobs;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert about a job was raised or resolved. Ids and codes only, never PHI; the notifications module emails admins
 * from it.
 *
 * @param kind      what happened
 * @param key       the alert's de-duplication key (the same key resolves what it raised)
 * @param runId     the run that caused it; null for a missed schedule or a signal raised by a job itself
 * @param errorCode the failure's code, when there is one
 */
public record JobAlerted(String jobName, Kind kind, String key, UUID runId, String errorCode, Instant at) {

    public enum Kind {
        /** Every attempt of a scheduled run failed. */
        FAILED,
        /** The job is past its schedule and nobody has run it. */
        MISSED,
        /** A job reported a problem it watches for (e.g. health-check: a component went down). */
        RAISED,
        /** A later success or check cleared an earlier alert with the same key. */
        RESOLVED
    }
}
