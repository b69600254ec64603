package com.ai2aim.rx.jobs.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rx.jobs.*}. Per-job overrides ({@code rx.jobs.<name>.schedule}, {@code rx.jobs.<name>.enabled}) are read by
 * {@link JobRegistry} from the environment, since job names are not known here.
 *
 * @param schedulingEnabled false: this copy does not put recurring runs on the schedule at start-up (tests); manual
 *                          runs still work
 * @param maxAttempts       attempts of a scheduled run before it is given up and alerted
 * @param retryBackoff      wait before the second attempt; doubles for each further one
 * @param missedGrace       how far past its due time a run may be before the job counts as missed
 * @param manualWait        how long {@code POST /api/jobs/{name}/run} waits for the run to finish before answering 202
 * @param node              this copy's name in run history and db-scheduler; empty: host name plus a random suffix
 */
@ConfigurationProperties("rx.jobs")
record JobsProperties(@DefaultValue("true") boolean schedulingEnabled, @DefaultValue("3") int maxAttempts,
                      @DefaultValue("1m") Duration retryBackoff, @DefaultValue("10m") Duration missedGrace,
                      @DefaultValue("30s") Duration manualWait, @DefaultValue("") String node,
                      @DefaultValue History history, @DefaultValue Alerts alerts) {

    /** Run history is kept this many days: successes (and skips) shorter than failures. */
    record History(@DefaultValue("30") int successDays, @DefaultValue("180") int errorDays,
                   @DefaultValue("1000") int purgeBatch) {}

    /**
     * Alert channels besides the log and the {@code JobAlerted} event; each is off when its URL or key is empty.
     */
    record Alerts(@DefaultValue("https://events.pagerduty.com") String pagerdutyUrl,
                  @DefaultValue("") String pagerdutyRoutingKey, @DefaultValue("") String webhookUrl,
                  @DefaultValue("5s") Duration timeout, @DefaultValue("ai2aim-rx") String source) {}
}
