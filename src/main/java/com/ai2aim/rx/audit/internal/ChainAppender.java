package com.ai2aim.rx.audit.internal;

import com.ai2aim.rx.platform.db.OneTrip;
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
    private final OneTrip oneTrip;

    ChainAppender(JdbcClient jdbc, JsonMapper json, OneTrip oneTrip) {
        this.jdbc = jdbc;
        this.json = json;
        this.oneTrip = oneTrip;
    }

    /** Appends in the current transaction: the records commit (or not) with the change they describe. */
    public void append(List<Map<String, Object>> records) {
        if (records.isEmpty()) {
            return;
        }
        jdbc.sql("select rx.audit_append(cast(:entries as jsonb))")
                .param("entries", json.writeValueAsString(records))
                .query(Long.class).single();
    }

    /**
     * Appends as the acting user in a transaction of its own, committed in the same round trip; call it outside a
     * transaction.
     */
    public void appendCommitted(List<Map<String, Object>> records) {
        if (records.isEmpty()) {
            return;
        }
        oneTrip.query("select rx.audit_append(cast(? as jsonb))", rows -> rows.next() ? rows.getLong(1) : null,
                json.writeValueAsString(records));
    }
}
