package com.ai2aim.rx.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.TestUsers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * RX_DATABASE_URL mode: the service migrates and serves a PostgreSQL it did not start, here a separate server that
 * already has Supabase's request roles (as a Supabase database does), with a dedicated application login role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rx.demo=true",
        "rx.jwt.secret=test-secret-test-secret-test-secret-0123456789",
        "rx.database.app-user=rx_request_login",
})
@DirtiesContext
class ExternalDatabaseIntegrationTests {

    static final EmbeddedPostgres EXTERNAL;

    static {
        try {
            EXTERNAL = EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
            try (Connection c = EXTERNAL.getPostgresDatabase().getConnection()) {
                // What a Supabase database already has: the three request roles.
                c.createStatement().execute("create role anon nologin noinherit; create role authenticated nologin noinherit; "
                        + "create role service_role nologin noinherit bypassrls");
            }
        } catch (IOException | SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void external(DynamicPropertyRegistry registry) {
        registry.add("rx.database.url", () -> "jdbc:postgresql://localhost:" + EXTERNAL.getPort() + "/postgres");
        registry.add("rx.database.user", () -> "postgres");
        registry.add("rx.database.password", () -> "");
    }

    @AfterAll
    static void stop() throws IOException {
        EXTERNAL.close();
    }

    @LocalServerPort int port;
    @Autowired DataSource dataSource;

    @Test
    void migratesAndServesAnExternalDatabaseThroughItsOwnLoginRole() throws SQLException {
        Api api = new Api(port);
        TestUsers users = new TestUsers(api);
        Api.Response me = api.get("/api/users/" + users.id(TestUsers.PHARMACIST)).token(users.token(TestUsers.PHARMACIST)).send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.data().path("email").asString()).isEqualTo(TestUsers.PHARMACIST);

        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select current_user, rolsuper, rolbypassrls, inet_server_port() from pg_roles where rolname = current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("rx_request_login");
            assertThat(rs.getBoolean(2)).isFalse();
            assertThat(rs.getBoolean(3)).isFalse();
            assertThat(rs.getInt(4)).isEqualTo(EXTERNAL.getPort());
        }
    }
}
