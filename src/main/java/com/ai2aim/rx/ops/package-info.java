/**
 * Operations: the jobs that keep the data safe and the service watched. Owns the database backups
 * ({@code database_backups}, files under {@code RX_BACKUP_DIR}) with their restore check; schedules the audit trail's
 * archival, which the audit module performs through its {@link com.ai2aim.rx.audit.AuditArchive} API (the job cannot
 * live in {@code audit}: the jobs runtime depends on audit, so audit depending on jobs would be a cycle); and runs the
 * health-check job (database, disk and storage, the functions runtime, configured partner endpoints, Redis), raising
 * an alert through {@link com.ai2aim.rx.jobs.JobSignals} when a component goes down and resolving it when it is back.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit", "jobs"})
package com.ai2aim.rx.ops;
