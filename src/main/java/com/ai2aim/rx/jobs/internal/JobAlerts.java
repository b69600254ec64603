package com.ai2aim.rx.jobs.internal;

import com.ai2aim.rx.jobs.JobAlerted;
import com.ai2aim.rx.jobs.JobSignals;
import com.ai2aim.rx.platform.security.Actors;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * Raises and resolves alerts about jobs, once per key across the cluster ({@code job_alerts}): a log line, a
 * PagerDuty Events API v2 event (trigger/resolve with the key as {@code dedup_key}) and a Slack-style webhook when
 * configured, and a {@link JobAlerted} event for the notifications module. A channel that fails is logged and
 * skipped: alerting never fails the job. Summaries carry job names, run ids and codes only.
 */
@Component
class JobAlerts implements JobSignals {

    private static final Logger log = LoggerFactory.getLogger(JobAlerts.class);

    private final JobStateRepository state;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JobsProperties.Alerts config;
    private final RestClient http;

    JobAlerts(JobStateRepository state, ApplicationEventPublisher events, TransactionTemplate transactions,
              JobsProperties properties) {
        this.state = state;
        this.events = events;
        this.transactions = transactions;
        this.config = properties.alerts();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.timeout()).build());
        factory.setReadTimeout(config.timeout());
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    static String failureKey(String job) {
        return "rx-job-" + job;
    }

    static String missedKey(String job) {
        return "rx-job-" + job + "-missed";
    }

    /** Every attempt of a scheduled run failed. */
    void failed(String job, UUID runId, int attempts, String errorCode) {
        String summary = "Job " + job + " failed after " + attempts + " attempt(s): " + errorCode + " (run " + runId + ")";
        raise(job, failureKey(job), JobAlerted.Kind.FAILED, runId, errorCode, summary);
    }

    /** The job is past its due time and no node has run it. */
    void missed(String job, Instant due) {
        raise(job, missedKey(job), JobAlerted.Kind.MISSED, null, "JOB_MISSED",
                "Job " + job + " missed its schedule (due " + due + ")");
    }

    /** A run succeeded: whatever it had raised is over. */
    void succeeded(String job, UUID runId) {
        resolve(job, failureKey(job), runId, "Job " + job + " succeeded again (run " + runId + ")");
        resolve(job, missedKey(job), runId, "Job " + job + " ran again (run " + runId + ")");
    }

    @Override
    public boolean raise(String jobName, String key, String summary) {
        return raise(jobName, "rx-job-" + jobName + "-" + key, JobAlerted.Kind.RAISED, null, null, summary);
    }

    @Override
    public boolean resolve(String jobName, String key, String summary) {
        return resolve(jobName, "rx-job-" + jobName + "-" + key, null, summary);
    }

    private boolean raise(String job, String key, JobAlerted.Kind kind, UUID runId, String code, String summary) {
        if (!state.open(key, job, summary)) {
            return false;
        }
        log.error("ALERT {} [{}]: {}", kind, key, summary);
        pagerDuty("trigger", key, job, summary);
        webhook(":rotating_light: " + summary);
        publish(new JobAlerted(job, kind, key, runId, code, Instant.now()));
        return true;
    }

    private boolean resolve(String job, String key, UUID runId, String summary) {
        if (!state.close(key)) {
            return false;
        }
        log.warn("RESOLVED [{}]: {}", key, summary);
        pagerDuty("resolve", key, job, summary);
        webhook(":white_check_mark: " + summary);
        publish(new JobAlerted(job, JobAlerted.Kind.RESOLVED, key, runId, null, Instant.now()));
        return true;
    }

    private void pagerDuty(String action, String key, String job, String summary) {
        if (config.pagerdutyRoutingKey().isBlank()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("routing_key", config.pagerdutyRoutingKey());
        body.put("event_action", action);
        body.put("dedup_key", key);
        if ("trigger".equals(action)) {
            body.put("payload", Map.of("summary", summary, "source", config.source(), "severity", "error",
                    "component", job));
        }
        send("PagerDuty", config.pagerdutyUrl().replaceAll("/+$", "") + "/v2/enqueue", body);
    }

    private void webhook(String text) {
        if (!config.webhookUrl().isBlank()) {
            send("webhook", config.webhookUrl(), Map.of("text", text));
        }
    }

    private void send(String channel, String url, Map<String, Object> body) {
        try {
            http.post().uri(url).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
        } catch (RuntimeException e) {
            log.warn("alert channel {} failed ({}); the alert is still logged and published", channel, e.getClass().getSimpleName());
        }
    }

    private void publish(JobAlerted event) {
        // Published in a transaction so the Modulith registry stores it and delivers it even after a restart.
        Actors.asService(() -> transactions.execute(status -> {
            events.publishEvent(event);
            return null;
        }));
    }
}
