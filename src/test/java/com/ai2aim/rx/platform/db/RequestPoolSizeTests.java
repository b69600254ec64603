package com.ai2aim.rx.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestPoolSizeTests {

    @Test
    void byDefaultTwoConnectionsPerCorePlusOne() {
        assertThat(DatabaseConfiguration.requestPoolSize(0, 2)).isEqualTo(5);
        assertThat(DatabaseConfiguration.requestPoolSize(0, 16)).isEqualTo(33);
    }

    @Test
    void aConfiguredSizeWins() {
        assertThat(DatabaseConfiguration.requestPoolSize(12, 2)).isEqualTo(12);
    }
}
