package com.ai2aim.rx.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The identity module's API for other modules. Runs in the caller's transaction, so row-level security applies:
 * a user the caller may not see is absent.
 */
@Component
public class Users {

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A user as a prescriber: role, organisation, status and identifiers. */
    public Optional<PrescriberView> prescriber(UUID userId) {
        return jdbc.sql("select id, role, org_id, is_active, npi, dea_number from users where id = :id")
                .param("id", userId)
                .query((rs, n) -> new PrescriberView(UUID.fromString(rs.getString(1)), rs.getString(2),
                        rs.getString(3) == null ? null : UUID.fromString(rs.getString(3)), rs.getBoolean(4),
                        rs.getString(5), rs.getString(6)))
                .optional();
    }

    /** How to reach a user (email, phone, name): for modules that send messages. PHI-grade: never log it. */
    public Optional<UserContact> contact(UUID userId) {
        return jdbc.sql("select id, email, full_name, phone, role, org_id, is_active, language from users where id = :id")
                .param("id", userId).query(Users::userContact).optional();
    }

    /** The active users of an organisation holding a role, as far as the caller may see them. */
    public List<UserContact> activeWithRole(UUID orgId, String role) {
        return jdbc.sql("""
                select id, email, full_name, phone, role, org_id, is_active, language from users
                where org_id = :org and role = :role and is_active order by created_at""")
                .param("org", orgId).param("role", role).query(Users::userContact).list();
    }

    /** The active global admins (no organisation), as far as the caller may see them: for cluster-wide alerts. */
    public List<UserContact> activeGlobalAdmins() {
        return jdbc.sql("""
                select id, email, full_name, phone, role, org_id, is_active, language from users
                where org_id is null and role = 'admin' and is_active order by created_at""")
                .query(Users::userContact).list();
    }

    /** An organisation's name, when the caller may see the organisation. */
    public Optional<String> organisationName(UUID orgId) {
        return jdbc.sql("select name from organizations where id = :id").param("id", orgId).query(String.class).optional();
    }

    private static UserContact userContact(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String org = rs.getString(6);
        return new UserContact(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), org == null ? null : UUID.fromString(org), rs.getBoolean(7), rs.getString(8));
    }

    /**
     * A user's contact details, role and organisation.
     *
     * @param language the language messages should be in ({@code es}, {@code es-MX}), or null for the defaults
     */
    public record UserContact(UUID id, String email, String fullName, String phone, String role, UUID orgId, boolean active,
                              String language) {}

    /** A user's role, organisation and identifiers as a prescriber needs them. */
    public record PrescriberView(UUID id, String role, UUID orgId, boolean active, String npi, String deaNumber) {
        public boolean isPhysician() {
            return "physician".equals(role);
        }
    }
}
