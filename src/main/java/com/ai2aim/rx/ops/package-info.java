/**
 * Ops: watching the running service. Owns the health-check job, which checks the database, disk and storage, the
 * functions runtime, the configured partner endpoints and Redis every five minutes, keeps the results in the job's
 * run history and raises an alert (through the jobs runtime's {@link com.ai2aim.rx.jobs.JobSignals}) when a component
 * goes down, resolving it when it comes back.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "jobs"})
package com.ai2aim.rx.ops;
