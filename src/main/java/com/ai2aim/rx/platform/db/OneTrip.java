package com.ai2aim.rx.platform.db;

import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One statement as the acting user, in a transaction of its own, in one round trip. A transaction from
 * {@link RlsTransactionManager} costs three (BEGIN with the settings, the statement, COMMIT); here the settings and the
 * statement go to the server together and PostgreSQL runs everything before the protocol's Sync as one implicit
 * transaction, so the settings hold for the statement, end with it, and the statement commits (or rolls back) at once.
 * For the hottest single-statement writes, such as the audit trail's group commit, that every request waits for.
 */
@Component
public class OneTrip {

    /** The settings for an asynchronous commit: the actor's, and the commit's own, all transaction-local. */
    private static final String SET_ASYNC_COMMIT = RlsTransactionManager.SET_SESSION
            + ", set_config('synchronous_commit', 'off', true)";

    private final JdbcTemplate jdbc;

    OneTrip(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Over connections of its own, for work that must not wait for the shared pools (the audit chain writer). */
    public static OneTrip over(javax.sql.DataSource connections) {
        return new OneTrip(new JdbcTemplate(connections));
    }

    /**
     * Runs {@code sql} (one statement, {@code ?} parameters) as the current actor and reads its result. Must not be
     * called inside a transaction: the settings would outlive the statement, and it would not commit on its own.
     */
    public <T> T query(String sql, ResultSetExtractor<T> result, Object... parameters) {
        return run(RlsTransactionManager.SET_SESSION, sql, parameters, statement -> {
            if (!statement.getMoreResults()) {
                throw new IllegalStateException("the statement returned no result set");
            }
            try (ResultSet rows = statement.getResultSet()) {
                return result.extractData(rows);
            }
        });
    }

    /**
     * As {@link #query}, for a statement that returns no rows (an insert, update or delete), committed asynchronously
     * ({@code synchronous_commit = off} for this transaction only): the call returns without waiting for the write-ahead
     * log to reach the disk. The write is atomic and survives a stop of this service at any point after the call
     * returns; only a crash of PostgreSQL itself or of its machine within about three times {@code wal_writer_delay}
     * may lose it. For operational records whose loss in such a crash is
     * acceptable (the function-invocation log), never for the audit trail or clinical data. Returns the rows it
     * changed.
     */
    public int updateAsyncCommit(String sql, Object... parameters) {
        return run(SET_ASYNC_COMMIT, sql, parameters, OneTrip::updateCount);
    }

    private static int updateCount(PreparedStatement statement) throws java.sql.SQLException {
        if (statement.getMoreResults()) {
            throw new IllegalStateException("the statement returned a result set; use query");
        }
        return statement.getUpdateCount();
    }

    /** What to read once the settings' row has been skipped. */
    private interface Outcome<T> {
        T read(PreparedStatement statement) throws java.sql.SQLException;
    }

    private <T> T run(String settings, String sql, Object[] parameters, Outcome<T> outcome) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("OneTrip runs its own transaction; call it outside one");
        }
        Actor actor = Actors.current().orElse(null);
        return jdbc.execute((java.sql.Connection connection) -> {
            if (!connection.getAutoCommit()) {
                throw new IllegalStateException("OneTrip needs an auto-commit connection");
            }
            try (PreparedStatement statement = connection.prepareStatement(settings + "; " + sql)) {
                // Never as a named server-side statement: once the driver prepared it so (prepareThreshold, the fifth
                // use), a user's statement with a parameter in a subquery under row-level security failed with
                // permission denied on its next use although the settings ran first (OneTripIntegrationTests).
                // An unnamed statement is planned on each use instead.
                statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
                statement.setString(1, RlsTransactionManager.databaseRole(actor));
                statement.setString(2, RlsTransactionManager.claimsJson(actor));
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 3, parameters[i]);
                }
                statement.execute(); // the settings' row
                return outcome.read(statement);
            }
        });
    }
}
