package com.ai2aim.rx.identity.internal;

import com.ai2aim.rx.jobs.JobOutcome;
import com.ai2aim.rx.jobs.JobRun;
import com.ai2aim.rx.jobs.RxJob;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * inactive-user-cleanup: deactivates non-admin users who have not signed in for {@code rx.jobs.inactive-user-cleanup.days}
 * (90) days, counting from their creation when they never signed in. Each user goes through the admin deactivation
 * path ({@link UserService#deactivateIfInactive}: audited, sessions ended) in a transaction of its own; candidates are
 * read in keyset batches by id, so memory stays bounded and a crash part-way loses nothing (a re-run finds the rest).
 */
@Component
class DeactivateInactiveUsersJob implements RxJob {

    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final UserService users;
    private final Duration inactivity;

    DeactivateInactiveUsersJob(JdbcClient jdbc, TransactionTemplate transactions, UserService users,
                               @Value("${rx.jobs.inactive-user-cleanup.days:90}") int days) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.users = users;
        this.inactivity = Duration.ofDays(days);
    }

    @Override
    public String name() {
        return "inactive-user-cleanup";
    }

    @Override
    public String defaultSchedule() {
        return "0 4 * * 0";
    }

    @Override
    public String description() {
        return "Deactivates non-admin users whose last sign-in is more than 90 days old, ending their sessions.";
    }

    @Override
    public JobOutcome run(JobRun run) {
        Instant cutoff = Instant.now().minus(inactivity);
        long candidates = 0;
        long deactivated = 0;
        UUID after = new UUID(0, 0);
        for (List<UUID> batch = candidates(after, cutoff); !batch.isEmpty(); batch = candidates(after, cutoff)) {
            candidates += batch.size();
            if (!run.dryRun()) {
                for (UUID id : batch) {
                    deactivated += users.deactivateIfInactive(id, cutoff) ? 1 : 0;
                }
            }
            after = batch.get(batch.size() - 1);
        }
        return run.dryRun()
                ? new JobOutcome(candidates, Map.of("wouldDeactivate", candidates, "cutoff", cutoff.toString()))
                : new JobOutcome(deactivated, Map.of("deactivated", deactivated, "cutoff", cutoff.toString()));
    }

    private List<UUID> candidates(UUID after, Instant cutoff) {
        return transactions.execute(status -> jdbc.sql("""
                select id from users
                where id > :after and is_active and role <> 'admin' and coalesce(last_login, created_at) < :cutoff
                order by id limit :batch""")
                .param("after", after).param("cutoff", java.sql.Timestamp.from(cutoff)).param("batch", BATCH)
                .query(UUID.class).list());
    }
}
