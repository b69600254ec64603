package com.ai2aim.rx.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pools on one server: a small owner pool that Flyway migrates with, and the application pools (requests, service
 * work; {@link RolePools}) whose login role can only act through {@code anon}/{@code authenticated}/{@code service_role},
 * so row-level security applies to every request.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    /** Holds the embedded server when no external URL is configured; closed after the pools (destroy order). */
    record Server(EmbeddedPostgresServer embedded, String url, String user, String password,
                  String appUser, String appPassword) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    Server databaseServer(DatabaseProperties properties) throws IOException {
        boolean separateAppUser = properties.appUser() != null && !properties.appUser().isBlank();
        if (properties.url() != null && !properties.url().isBlank()) {
            if (!separateAppUser) {
                org.slf4j.LoggerFactory.getLogger(DatabaseConfiguration.class).warn(
                        "RX_DATABASE_APP_USER is not set: request work logs in as the owner role; row-level security still "
                                + "applies through SET ROLE, but work outside a transaction no longer fails closed");
            }
            return separateAppUser
                    ? new Server(null, properties.url(), properties.user(), properties.password(), properties.appUser(), properties.appPassword())
                    : new Server(null, properties.url(), properties.user(), properties.password(), properties.user(), properties.password());
        }
        EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start(
                Path.of(properties.dataDir()).toAbsolutePath(), properties.embeddedPort(), properties.embeddedClean());
        return new Server(embedded, embedded.jdbcUrl(), "postgres", null,
                separateAppUser ? properties.appUser() : "rx_app", properties.appPassword());
    }

    /**
     * The audit chain writer's own connection. Writers wait for it after their commit, before Spring hands their
     * connection back; had it shared their pool, enough waiters would hold every connection it could use.
     */
    @Bean(destroyMethod = "close")
    HikariDataSource auditChainPool(Server server) {
        return appPool(server, "rx-audit-chain", 1);
    }

    @Bean(destroyMethod = "close")
    @FlywayDataSource
    HikariDataSource ownerDataSource(Server server) {
        HikariConfig config = base(server.url(), "rx-owner", 2);
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }

    /** Connections for requests of signed-in and anonymous users. */
    @Bean(destroyMethod = "close")
    HikariDataSource requestPool(Server server, DatabaseProperties properties) {
        return appPool(server, "rx-app", requestPoolSize(properties.poolSize(), Runtime.getRuntime().availableProcessors()));
    }

    /**
     * The configured size, or by default two connections per core plus one (DESIGN.md; HikariCP's formula for a
     * database on this machine). More connections than the cores can serve only queue inside PostgreSQL, where a
     * request waits behind every other instead of in the pool: on 2 cores, 12 connections gave the paced mix a median
     * of 31 ms and 5 gave 8.5 ms at the same load (bench/README.md). Set RX_DB_POOL_SIZE for a database elsewhere.
     */
    static int requestPoolSize(int configured, int cores) {
        return configured > 0 ? configured : 2 * cores + 1;
    }

    /** Connections for work done as {@code service_role} (see {@link RolePools} for why it is separate). */
    @Bean(destroyMethod = "close")
    HikariDataSource servicePool(Server server, DatabaseProperties properties) {
        return appPool(server, "rx-service", properties.servicePoolSize());
    }

    /** Connections for users' work in a {@link PriorityLane}; 0 means one per core. */
    @Bean(destroyMethod = "close")
    HikariDataSource priorityPool(Server server, DatabaseProperties properties) {
        int size = properties.priorityPoolSize() > 0 ? properties.priorityPoolSize() : Runtime.getRuntime().availableProcessors();
        return appPool(server, "rx-priority", size);
    }

    @Bean
    @Primary
    DataSource dataSource(HikariDataSource requestPool, HikariDataSource servicePool, HikariDataSource priorityPool) {
        return new RolePools(requestPool, servicePool, priorityPool);
    }

    private static HikariDataSource appPool(Server server, String name, int size) {
        HikariConfig config = base(server.url(), name, size);
        config.setUsername(server.appUser());
        config.setPassword(server.appPassword());
        // The app role is created by a migration; do not connect before Flyway has run.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /** Migrations create the application login role and grant it the three Supabase roles. */
    @Bean
    FlywayConfigurationCustomizer appUserPlaceholder(Server server) {
        return configuration -> configuration.placeholders(java.util.Map.of("app_user", server.appUser()));
    }

    @Bean
    @Primary
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new RlsTransactionManager(dataSource);
    }

    @Bean
    @Primary
    JdbcClient jdbcClient(DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    private static HikariConfig base(String url, String poolName, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName(poolName);
        config.setMaximumPoolSize(size);
        config.setAutoCommit(true);
        // Named per pool, so pg_stat_activity tells an operator which pool a busy or waiting backend serves.
        config.addDataSourceProperty("ApplicationName", "ai2aim-rx " + poolName);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        // Server error DETAIL lines can quote row values (PHI); keep them out of exception messages and logs.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        return config;
    }
}
