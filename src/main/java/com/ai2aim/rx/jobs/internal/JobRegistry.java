package com.ai2aim.rx.jobs.internal;

import com.ai2aim.rx.jobs.RxJob;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Every {@link RxJob} bean by name with its effective schedule: the job's five-field cron, or
 * {@code rx.jobs.<name>.schedule} (five or six fields), read in {@code rx.timezone}. Refuses to start on a duplicate
 * name or a schedule that does not parse, rather than run a job at the wrong time.
 */
@Component
class JobRegistry {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** A job as this copy of the service will schedule it. */
    record Definition(RxJob job, String cron, CronSchedule schedule, boolean enabled) {
        String name() {
            return job.name();
        }

        /**
         * The first due instant strictly after {@code after}. Fractions of a second are dropped first: the cron
         * library carries them into a seconds-level result otherwise, and runs are recorded at their cron instant.
         */
        Instant nextAfter(Instant after) {
            Instant whole = after.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            return schedule.getNextExecutionTime(ExecutionComplete.simulatedSuccess(whole));
        }
    }

    private final Map<String, Definition> byName = new TreeMap<>();
    private final ZoneId zone;

    JobRegistry(List<RxJob> jobs, Environment environment, @Value("${rx.timezone:UTC}") String timezone) {
        this.zone = ZoneId.of(timezone);
        for (RxJob job : jobs) {
            String name = job.name();
            if (name == null || name.length() > 64 || !NAME.matcher(name).matches()) {
                throw new IllegalStateException("job name must be lower-case words joined by hyphens: " + name);
            }
            String cron = environment.getProperty("rx.jobs." + name + ".schedule", job.defaultSchedule());
            boolean enabled = environment.getProperty("rx.jobs." + name + ".enabled", Boolean.class, true);
            Definition definition = new Definition(job, cron, parse(name, cron, zone), enabled);
            if (byName.putIfAbsent(name, definition) != null) {
                throw new IllegalStateException("two jobs are named " + name);
            }
        }
    }

    /** The plan writes five fields (minute first); db-scheduler's cron has seconds in front. */
    static CronSchedule parse(String name, String cron, ZoneId zone) {
        String[] fields = cron == null ? new String[0] : cron.trim().split("\\s+");
        if (fields.length != 5 && fields.length != 6) {
            throw new IllegalStateException("job " + name + ": schedule needs five (or six) cron fields: " + cron);
        }
        String sixFields = fields.length == 5 ? "0 " + String.join(" ", fields) : String.join(" ", fields);
        try {
            return new CronSchedule(sixFields, zone);
        } catch (RuntimeException e) {
            throw new IllegalStateException("job " + name + ": schedule does not parse: " + cron, e);
        }
    }

    Optional<Definition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    Collection<Definition> all() {
        return byName.values();
    }

    ZoneId zone() {
        return zone;
    }
}
