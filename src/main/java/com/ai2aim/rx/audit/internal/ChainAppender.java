package com.ai2aim.rx.audit.internal;

import com.ai2aim.rx.platform.db.OneTrip;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes records through the database's own functions: staged in a change's transaction, chained by the writer. */
@Component
public class ChainAppender {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OneTrip oneTrip;
    private final OneTrip callersTrip;

    ChainAppender(JdbcClient jdbc, JsonMapper json, @Qualifier("auditChainPool") DataSource chainConnection,
                  OneTrip callersTrip) {
        this.jdbc = jdbc;
        this.json = json;
        this.oneTrip = OneTrip.over(chainConnection);
        this.callersTrip = callersTrip;
    }

    /**
     * Stages records in the current transaction: they commit (or not) with the change they describe, and take no
     * lock, so writing transactions do not queue behind each other on the chain's head.
     */
    public void stage(List<Map<String, Object>> records) {
        if (records.isEmpty()) {
            return;
        }
        jdbc.sql("select rx.audit_stage(cast(:entries as jsonb))")
                .param("entries", json.writeValueAsString(records))
                .query((rs, n) -> 1).list();
    }

    /**
     * Stages records in a transaction of their own, as the acting user on the caller's connections, in one round trip:
     * durable when it returns. Call it outside a transaction.
     */
    public void stageAlone(List<Map<String, Object>> records) {
        callersTrip.query("select rx.audit_stage(cast(? as jsonb))", rows -> null, json.writeValueAsString(records));
    }

    /** One record as the staging functions take it. */
    public String json(Map<String, Object> record) {
        return json.writeValueAsString(record);
    }

    /** Appends {@code records} alone (no staged ones), in one round trip; as {@link #chain}, outside a transaction. */
    void append(List<Map<String, Object>> records) {
        if (!records.isEmpty()) {
            call("rx.audit_append", records);
        }
    }

    /**
     * Chains everything staged and committed so far, then {@code records} (may be empty), as the acting user in a
     * transaction of its own, committed in the same round trip; call it outside a transaction, as the service.
     */
    void chain(List<Map<String, Object>> records) {
        call("rx.audit_chain", records);
    }

    private void call(String function, List<Map<String, Object>> records) {
        oneTrip.query("select " + function + "(cast(? as jsonb))", rows -> null, json.writeValueAsString(records));
    }
}
