package com.ai2aim.rx.identity;

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

    /** A user's role, organisation and identifiers as a prescriber needs them. */
    public record PrescriberView(UUID id, String role, UUID orgId, boolean active, String npi, String deaNumber) {
        public boolean isPhysician() {
            return "physician".equals(role);
        }
    }
}
