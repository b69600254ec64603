package com.ai2aim.rx.ops.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The owner login (the one Flyway migrates with), which backups need: it reads every table regardless of row-level
 * security and may create and drop the scratch database a restore check uses. Its password never leaves this class.
 */
@Component
class OwnerDatabase {

    private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$");

    private final HikariDataSource owner;
    private final String appUser;

    OwnerDatabase(@Qualifier("ownerDataSource") HikariDataSource owner, @Qualifier("requestPool") HikariDataSource dataSource) {
        this.owner = owner;
        this.appUser = dataSource.getUsername();
    }

    Connection connection() throws SQLException {
        return owner.getConnection();
    }

    /** A direct connection (not pooled) to another database on the same server. */
    Connection connectionTo(String database) throws SQLException {
        return DriverManager.getConnection(urlOf(database), owner.getUsername(), owner.getPassword());
    }

    String urlOf(String database) {
        Matcher m = DATABASE_IN_URL.matcher(owner.getJdbcUrl());
        if (!m.matches()) {
            throw new IllegalStateException("unsupported database URL form");
        }
        return m.group(1) + database + m.group(3);
    }

    String user() {
        return owner.getUsername();
    }

    String password() {
        return owner.getPassword();
    }

    /** The request pool's login role; migrations need it as their {@code app_user} placeholder. */
    String appUser() {
        return appUser;
    }
}
