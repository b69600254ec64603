/**
 * Operations: the jobs that keep the data safe. Owns the database backups ({@code database_backups}, files under
 * {@code RX_BACKUP_DIR}) with their restore check, and schedules the audit trail's archival, which the audit module
 * performs through its {@link com.ai2aim.rx.audit.AuditArchive} API (the job cannot live in {@code audit}: the jobs
 * runtime depends on audit, so audit depending on jobs would be a cycle). Publishes nothing; consumes nothing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit", "jobs"})
package com.ai2aim.rx.ops;
