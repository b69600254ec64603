package com.ai2aim.rx.jobs;

import java.time.Instant;

/** What the runtime tells a job about the run it is doing. */
public interface JobRun {

    /** True when the job must only report what it would do. */
    boolean dryRun();

    /** When this run was due (the cron time), not when it started; stable across a retry of the same run. */
    Instant scheduledFor();
}
