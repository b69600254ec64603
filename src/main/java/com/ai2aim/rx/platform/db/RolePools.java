package com.ai2aim.rx.platform.db;

import com.ai2aim.rx.platform.security.Actors;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * The application's connections, kept apart by the database role they act as: service work (verification, outbox
 * workers, jobs acting as {@code service_role}) on its own pool, requests of signed-in and anonymous users on another.
 *
 * <p>PostgreSQL keeps each prepared statement's plan on its connection, but re-plans a statement that runs as a
 * different role than it was planned as, because row-level security is part of the plan. With one shared pool every
 * service transaction made the next user request on that connection plan its statements again; under RLS a plan cost
 * more than the statement (about 1 ms for a patient's allergies, against 0.1 ms to run them).
 *
 * <p>User work inside a {@link PriorityLane} takes the priority pool instead of the request pool.
 */
final class RolePools extends AbstractRoutingDataSource {

    static final String SERVICE = "service_role";
    static final String USERS = "users";
    static final String PRIORITY = "priority";

    RolePools(DataSource users, DataSource service, DataSource priority) {
        setTargetDataSources(Map.of(USERS, users, SERVICE, service, PRIORITY, priority));
        setDefaultTargetDataSource(users);
        afterPropertiesSet();
    }

    @Override
    protected Object determineCurrentLookupKey() {
        if (SERVICE.equals(RlsTransactionManager.databaseRole(Actors.current().orElse(null)))) {
            return SERVICE;
        }
        return PriorityLane.active() ? PRIORITY : USERS;
    }
}
