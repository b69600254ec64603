package com.ai2aim.rx.support;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Owner (superuser) access to the test database: for arranging tampering and checking what was written. */
public final class Db {

    private Db() {}

    public static JdbcClient owner(DataSource ownerDataSource) {
        return JdbcClient.create(ownerDataSource);
    }
}
