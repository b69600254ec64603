package com.ai2aim.rx.audit.internal;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Appends records to the hash chain in the current transaction, through the database's own append function. */
@Component
public class ChainAppender {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ChainAppender(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void append(List<Map<String, Object>> records) {
        if (records.isEmpty()) {
            return;
        }
        jdbc.sql("select rx.audit_append(cast(:entries as jsonb))")
                .param("entries", json.writeValueAsString(records))
                .query(Long.class).single();
    }
}
