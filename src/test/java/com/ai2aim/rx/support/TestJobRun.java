package com.ai2aim.rx.support;

import com.ai2aim.rx.jobs.JobRun;
import java.time.Instant;

/** A run as the jobs runtime would hand it to a job, for calling a job's {@code run} directly in tests. */
public record TestJobRun(boolean dryRun, Instant scheduledFor) implements JobRun {

    public static TestJobRun real(Instant scheduledFor) {
        return new TestJobRun(false, scheduledFor);
    }

    public static TestJobRun dry(Instant scheduledFor) {
        return new TestJobRun(true, scheduledFor);
    }
}
