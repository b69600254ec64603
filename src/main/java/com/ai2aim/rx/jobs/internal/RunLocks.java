package com.ai2aim.rx.jobs.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * One run of a job at a time across the cluster, whatever started it (schedule, retry, admin): a PostgreSQL
 * session advisory lock keyed by the job's name, held on a connection of its own for the whole run. If the node
 * dies, its connection closes and the lock goes with it, so a crash never leaves a job locked.
 */
@Component
class RunLocks {

    private static final Logger log = LoggerFactory.getLogger(RunLocks.class);
    /** Distinguishes these locks from any other advisory lock in the database. */
    private static final int NAMESPACE = 0x52584a42; // "RXJB"

    /** A held lock; closing releases it and returns the connection. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private final DataSource dataSource;

    /**
     * Locks live on the service's pool, whoever runs the job: a run holds its connection for minutes, and the request
     * pool is sized for the cores (DESIGN.md: about two connections each), not for connections that sit on a lock.
     */
    RunLocks(@Qualifier("servicePool") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The job's lock, or null when another run of it holds it now. */
    Held tryAcquire(String job) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (!call(connection, "select pg_try_advisory_lock(?, hashtext(?))", job)) {
                connection.close();
                return null;
            }
            Connection held = connection;
            return () -> release(held, job);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("could not take the lock of job " + job, e);
        }
    }

    private void release(Connection connection, String job) {
        try {
            call(connection, "select pg_advisory_unlock(?, hashtext(?))", job);
            connection.close();
        } catch (SQLException e) {
            // A pooled connection must never go back still holding the lock: throw it away instead.
            log.warn("job {}: could not release its lock cleanly ({}); discarding the connection", job, e.getSQLState());
            discard(connection);
        }
    }

    /** Closes the physical connection, evicting it from the pool. */
    private void discard(Connection connection) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
                return;
            }
        } catch (SQLException e) {
            // not a pool we know: close it directly
        }
        closeQuietly(connection);
    }

    private static boolean call(Connection connection, String sql, String job) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, NAMESPACE);
            statement.setString(2, job);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // The connection is being given up already; nothing else to do with it.
            }
        }
    }
}
