package com.ai2aim.rx.notifications.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code notification_devices} as the signed-in user changes them (their own rows only, by row-level security). */
@Repository
class DeviceRepository {

    private final JdbcClient jdbc;

    DeviceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID register(String token, String platform) {
        return jdbc.sql("select rx.register_notification_device(:token, :platform)")
                .param("token", token).param("platform", platform).query(UUID.class).single();
    }

    Optional<UUID> deleteOwn(String token) {
        return jdbc.sql("delete from notification_devices where token = :token returning id")
                .param("token", token).query(UUID.class).optional();
    }
}
