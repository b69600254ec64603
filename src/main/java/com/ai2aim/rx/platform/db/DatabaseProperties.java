package com.ai2aim.rx.platform.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. With no {@code url} an embedded PostgreSQL is started under {@code dataDir}.
 * {@code appUser} is the login role request work uses; it must not be a superuser or have BYPASSRLS. {@code poolSize}
 * connections serve requests (0: two per core plus one), {@code servicePoolSize} more serve work done as
 * {@code service_role}, and {@code priorityPoolSize} (0: one per core) serve users' work in a {@link PriorityLane}.
 */
@ConfigurationProperties("rx.database")
record DatabaseProperties(
        String url,
        String user,
        String password,
        String appUser,
        String appPassword,
        String dataDir,
        int embeddedPort,
        boolean embeddedClean,
        int poolSize,
        int servicePoolSize,
        int priorityPoolSize) {}
