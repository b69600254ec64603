/**
 * The audit trail. Owns {@code audit_log} and its hash chain. Other modules record mutations (in their own
 * transaction) and accesses to PHI or user data (group-committed, durable before the response) through
 * {@link com.ai2aim.rx.audit.AuditTrail}; admins read, export, summarise and verify the trail over HTTP.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
package com.ai2aim.rx.audit;
