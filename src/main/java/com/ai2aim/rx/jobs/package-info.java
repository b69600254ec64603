/**
 * Jobs: the cluster-safe scheduler runtime (db-scheduler on PostgreSQL). A job is a bean implementing
 * {@link com.ai2aim.rx.jobs.RxJob} in the module whose data it changes; this module only schedules, runs as the
 * service, records run history, measures and alerts. Owns db-scheduler's {@code scheduled_tasks} table.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit"})
package com.ai2aim.rx.jobs;
