package com.ai2aim.rx.medications.internal;

import com.ai2aim.rx.medications.Severity;
import com.ai2aim.rx.medications.internal.reference.InteractionBuilder;
import com.ai2aim.rx.platform.security.Actors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads the knowledge base tables that migration V2_1_1 filled and builds the {@link InteractionIndex}. */
@Component
public class InteractionKnowledgeBase {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    InteractionKnowledgeBase(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Loads as the service when no transaction is open; inside a caller's transaction it reads as that caller. */
    public InteractionIndex load() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return read();
        }
        return Actors.asService(() -> transactions.execute(status -> read()));
    }

    private InteractionIndex read() {
        List<InteractionBuilder.Rule> rules = jdbc.sql("""
                select id, source, source_ref, left_side, right_side, severity, specificity, description, recommendation,
                       source_text, source_language from drug_interaction_rules""")
                .query((rs, n) -> new InteractionBuilder.Rule(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Severity.parse(rs.getString(6)), rs.getInt(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11)))
                .list();
        List<InteractionBuilder.Pair> pairs = jdbc.sql("select rxcui_low, rxcui_high, rule_id from drug_interaction_pairs")
                .query((rs, n) -> new InteractionBuilder.Pair(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select rxcui, name from medication_ingredients").query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
        return InteractionIndex.build(rules, pairs, id -> names.getOrDefault(id, id));
    }
}
