package com.ai2aim.rx.platform.db;

import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Opens every transaction as the acting user, Supabase-style: the database role ({@code authenticated},
 * {@code service_role} or {@code anon}) and the JWT claims ({@code request.jwt.claims}) are set transaction-locally,
 * so row-level-security policies decide what the statement may see. With auto-commit off the driver sends
 * {@code BEGIN} together with this statement, so it costs one round trip. The pool's login role has no table
 * rights of its own: work outside such a transaction fails closed.
 */
public class RlsTransactionManager extends JdbcTransactionManager {

    static final String SET_SESSION =
            "select set_config('role', ?, true), set_config('request.jwt.claims', ?, true)";

    public RlsTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition) throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        Actor actor = Actors.current().orElse(null);
        try (PreparedStatement statement = connection.prepareStatement(SET_SESSION)) {
            statement.setString(1, databaseRole(actor));
            statement.setString(2, claimsJson(actor));
            statement.execute();
        }
    }

    static String claimsJson(Actor actor) {
        return actor == null ? "{\"role\":\"anon\"}" : actor.claimsJson();
    }

    static String databaseRole(Actor actor) {
        if (actor == null) {
            return "anon";
        }
        return actor.isService() ? "service_role" : "authenticated";
    }
}
