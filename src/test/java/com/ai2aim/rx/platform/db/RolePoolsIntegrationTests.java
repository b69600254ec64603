package com.ai2aim.rx.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.security.Role;
import com.ai2aim.rx.support.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Service work and user requests never share a connection, so neither re-plans the other's statements. */
@IntegrationTest
class RolePoolsIntegrationTests {

    @Autowired DataSource dataSource;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    private static final Actor PHARMACIST = new Actor(UUID.randomUUID(), "pools@test.rx", Role.PHARMACIST, UUID.randomUUID(),
            null, "{\"role\":\"authenticated\",\"app_metadata\":{\"rx_role\":\"pharmacist\"}}");

    @Test
    void eachRoleGetsItsOwnPool() throws Exception {
        assertThat(Actors.asService(() -> poolName())).isEqualTo("rx-service");
        assertThat(Actors.as(PHARMACIST, () -> poolName())).isEqualTo("rx-app");
        assertThat(poolName()).as("no actor: anonymous work").isEqualTo("rx-app");
    }

    @Test
    void usersWorkInThePriorityLaneTakesThePriorityPoolAndServiceWorkKeepsItsOwn() {
        assertThat(Actors.as(PHARMACIST, () -> PriorityLane.run(this::poolName))).isEqualTo("rx-priority");
        assertThat(Actors.as(PHARMACIST, () -> PriorityLane.run(() -> PriorityLane.run(this::poolName) + "," + poolName())))
                .as("a nested lane leaves the outer one in place").isEqualTo("rx-priority,rx-priority");
        assertThat(Actors.asService(() -> PriorityLane.run(this::poolName))).isEqualTo("rx-service");
        assertThat(Actors.as(PHARMACIST, this::poolName)).as("the lane ends with its work").isEqualTo("rx-app");
        assertThat(PriorityLane.active()).isFalse();

        String role = Actors.as(PHARMACIST, () -> PriorityLane.run(() -> transactions.execute(s -> jdbc.sql(
                "select current_user || ' ' || (cast(current_setting('request.jwt.claims', true) as jsonb) -> 'app_metadata' ->> 'rx_role')")
                .query(String.class).single())));
        assertThat(role).as("row-level security applies as on the request pool").isEqualTo("authenticated pharmacist");
    }

    @Test
    void aTransactionRunsAsItsRoleOnItsPoolsConnection() {
        String serviceRole = Actors.asService(() -> transactions.execute(s -> jdbc.sql("select current_user").query(String.class).single()));
        String userRole = Actors.as(PHARMACIST, () -> transactions.execute(s -> jdbc.sql("select current_user").query(String.class).single()));
        assertThat(serviceRole).isEqualTo("service_role");
        assertThat(userRole).isEqualTo("authenticated");

        Integer servicePid = Actors.asService(() -> transactions.execute(s -> backendPid()));
        Integer userPid = Actors.as(PHARMACIST, () -> transactions.execute(s -> backendPid()));
        assertThat(servicePid).as("different connections").isNotEqualTo(userPid);
    }

    private String poolName() {
        try {
            return dataSource.unwrap(HikariDataSource.class).getPoolName();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Integer backendPid() {
        return jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
    }
}
