package com.ai2aim.rx.jobs;

/**
 * For jobs that watch something (health-check): raise an alert through the same channels as a failed job (log,
 * PagerDuty, webhook, {@link JobAlerted}) and resolve it later with the same key. Summaries hold no PHI.
 */
public interface JobSignals {

    /** Raises the alert {@code key} unless it is already open; returns true when it was newly raised. */
    boolean raise(String jobName, String key, String summary);

    /** Resolves the alert {@code key} if it is open; returns true when it was open. */
    boolean resolve(String jobName, String key, String summary);
}
