package com.ai2aim.rx.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Starts the whole service on a random port over a fresh embedded PostgreSQL (demo data seeded). Test classes that
 * share these properties share one context and one database, so tests create their own rows and never assume
 * an empty table. Jobs are not put on the schedule (they would fire at random moments of other tests); manual
 * runs through {@code POST /api/jobs/{name}/run} still work.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rx.demo=true",
        "rx.database.data-dir=target/test-pg/${random.uuid}",
        "rx.database.embedded-clean=true",
        "rx.audit.archive.dir=target/test-archive/${random.uuid}",
        "rx.backup.dir=target/test-backups/${random.uuid}",
        "rx.jwt.secret=test-secret-test-secret-test-secret-0123456789",
        "rx.bootstrap.admin-email=root@test.rx",
        "rx.bootstrap.admin-password=Root-Password-2026",
        "rx.rate-limit.per-user-per-minute=100000",
        "rx.rate-limit.per-ip-per-minute=100000",
        "rx.rate-limit.sign-in-per-ip-per-minute=100000",
        "rx.jobs.scheduling-enabled=false",
})
public @interface IntegrationTest {}
