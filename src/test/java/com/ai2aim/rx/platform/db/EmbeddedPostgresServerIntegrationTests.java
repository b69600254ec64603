package com.ai2aim.rx.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded server is the default database, so it must keep what it commits. */
@IntegrationTest
class EmbeddedPostgresServerIntegrationTests {

    @Autowired @Qualifier("ownerDataSource") javax.sql.DataSource owner;

    @Test
    void aCommitIsOnDiskBeforeItIsReported() {
        JdbcTemplate jdbc = new JdbcTemplate(owner);
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class))
                .as("zonky's builder defaults it to off").isEqualTo("on");
        assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
    }
}
