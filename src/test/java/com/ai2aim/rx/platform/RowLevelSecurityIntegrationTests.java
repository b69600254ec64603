package com.ai2aim.rx.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Row-level security proven below the application: a raw JDBC connection of the application's login role, carrying
 * organisation A's claims exactly as the service sends them, cannot see or change organisation B's rows.
 */
@IntegrationTest
class RowLevelSecurityIntegrationTests {

    @LocalServerPort int port;
    @Autowired DataSource dataSource;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    UUID orgA;
    UUID orgB;
    UUID userB;

    @BeforeEach
    void twoOrganisations() {
        JdbcClient db = JdbcClient.create(owner);
        orgA = db.sql("insert into organizations (name, kind) values ('RLS A', 'pharmacy') returning id").query(UUID.class).single();
        orgB = db.sql("insert into organizations (name, kind) values ('RLS B', 'pharmacy') returning id").query(UUID.class).single();
        userB = db.sql("insert into users (email, role, org_id) values (?, 'pharmacist', ?) returning id")
                .params("b-" + UUID.randomUUID() + "@test.rx", orgB).query(UUID.class).single();
    }

    @Test
    void appLoginRoleIsNeitherSuperuserNorBypassRls() throws SQLException {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select rolsuper, rolbypassrls from pg_roles where rolname = current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isFalse();
            assertThat(rs.getBoolean(2)).isFalse();
        }
    }

    @Test
    void withoutClaimsTheLoginRoleReadsNothing() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThatThrownBy(() -> c.createStatement().executeQuery("select * from users")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void organisationAAdminCannotReadOrChangeOrganisationBRows() throws SQLException {
        UUID adminA = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            actAs(c, adminA, "admin", orgA);

            assertThat(count(c, "select count(*) from users where id = '" + userB + "'")).isZero();
            assertThat(count(c, "select count(*) from organizations where id = '" + orgB + "'")).isZero();
            assertThat(count(c, "select count(*) from organizations where id = '" + orgA + "'")).isOne();
            assertThat(c.createStatement().executeUpdate("update users set full_name = 'x' where id = '" + userB + "'")).isZero();
            assertThat(c.createStatement().executeUpdate("update organizations set name = 'x' where id = '" + orgB + "'")).isZero();
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "insert into users (email, role, org_id) values ('sneak@test.rx', 'pharmacist', '" + orgB + "')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
            c.rollback();
        }
        assertThat(JdbcClient.create(owner).sql("select full_name is null from users where id = ?").param(userB).query(Boolean.class).single())
                .as("organisation B's user is unchanged").isTrue();
    }

    @Test
    void credentialsAndAuditRowsAreNeverReadableOrWritableByRequestRoles() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            actAs(c, UUID.randomUUID(), "admin", null);
            assertThatThrownBy(() -> c.createStatement().executeQuery("select * from user_credentials"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            c.rollback();
            actAs(c, UUID.randomUUID(), "admin", null);
            assertThatThrownBy(() -> c.createStatement().executeUpdate("delete from audit_log"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            c.rollback();
        }
    }

    @Test
    void aPharmacistCannotPromoteThemselfEvenWithDirectSql() throws SQLException {
        UUID self = JdbcClient.create(owner).sql("insert into users (email, role, org_id) values (?, 'pharmacist', ?) returning id")
                .params("self-" + UUID.randomUUID() + "@test.rx", orgA).query(UUID.class).single();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            actAs(c, self, "pharmacist", orgA);
            assertThatThrownBy(() -> c.createStatement().executeUpdate("update users set role = 'admin' where id = '" + self + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("only an admin");
            c.rollback();
        }
    }

    @Test
    void theApiHidesAnotherOrganisationsUserFromItsAdmin() {
        Api api = new Api(port);
        TestUsers users = new TestUsers(api);
        UUID orgAdmin = users.create("admin", orgA, "Org-Admin-Pass-1");
        String token = users.signIn(users.lastCreatedEmail(), "Org-Admin-Pass-1").json().path("access_token").asString();
        assertThat(orgAdmin).isNotNull();

        assertThat(api.get("/api/users/" + userB).token(token).send().status()).isEqualTo(404);
        Api.Response list = api.get("/api/users?limit=100").token(token).send();
        assertThat(list.data().findValuesAsString("orgId")).containsOnly(orgA.toString());
        assertThat(api.put("/api/users/" + userB, Map.of("fullName", "Mallory")).token(token).send().status()).isEqualTo(404);
    }

    private static void actAs(Connection c, UUID user, String role, UUID org) throws SQLException {
        String claims = "{\"sub\":\"" + user + "\",\"role\":\"authenticated\",\"app_metadata\":{\"rx_role\":\"" + role + "\",\"org_id\":"
                + (org == null ? "null" : "\"" + org + "\"") + "}}";
        try (PreparedStatement s = c.prepareStatement("select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ?, true)")) {
            s.setString(1, claims);
            s.execute();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
