package com.ai2aim.rx.medications.internal;

import com.ai2aim.rx.medications.CatalogueStatistics;
import com.ai2aim.rx.medications.InteractionChecker;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalogue's dashboard counts, held in memory between refreshes (the cache-warming job refreshes them every six
 * hours; the first read computes them). Counts across every organisation: callers decide who may see them.
 */
@Component
public class CatalogueStatisticsCache {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final InteractionChecker interactions;
    private final AtomicReference<CatalogueStatistics> current = new AtomicReference<>();

    CatalogueStatisticsCache(JdbcClient jdbc, TransactionTemplate transactions, InteractionChecker interactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.interactions = interactions;
    }

    /** The cached counts, computed now if there are none yet. Needs the service role (counts span organisations). */
    public CatalogueStatistics get() {
        CatalogueStatistics cached = current.get();
        return cached != null ? cached : refresh();
    }

    /** Recomputes the counts (as the service, outside a transaction). */
    public CatalogueStatistics refresh() {
        CatalogueStatistics fresh = transactions.execute(status -> {
            Map<String, Long> counts = new TreeMap<>();
            jdbc.sql("""
                    select case when org_id is null then 'reference' else 'local' end as kind, count(*) as n
                    from medications where is_active group by 1""").query(rs -> {
                counts.put(rs.getString("kind"), rs.getLong("n"));
            });
            Map<String, Long> bySchedule = new TreeMap<>();
            jdbc.sql("select dea_schedule, count(*) as n from medications where is_active and dea_schedule is not null group by 1")
                    .query(rs -> {
                        bySchedule.put("C" + rs.getInt("dea_schedule"), rs.getLong("n"));
                    });
            return new CatalogueStatistics(counts.getOrDefault("reference", 0L), counts.getOrDefault("local", 0L),
                    bySchedule, interactions.pairCount(), Instant.now());
        });
        current.set(fresh);
        return fresh;
    }
}
