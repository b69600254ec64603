package com.ai2aim.rx.prescriptions.internal;

import com.ai2aim.rx.prescriptions.EndingSupply;
import com.ai2aim.rx.prescriptions.ExpiringPrescription;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Set-based selections for the scheduled notices, read in keyset pages so a caller walks a million prescriptions with
 * bounded memory. Each query has its partial index (V4_6_0): the page is a range scan, never a table scan.
 */
@Repository
class DueQueries {

    /** Statuses in which a prescription is still in use; the partial indexes are written for exactly this list. */
    /** In use, and of a patient still on file: nobody is told about a deleted patient's prescription. */
    private static final String IN_USE = "p.status in ('pending', 'approved', 'filled', 'dispensed') and p.deleted_at is null"
            + " and exists (select 1 from patients pt where pt.id = p.patient_id and pt.deleted_at is null)";

    private final JdbcClient jdbc;

    DueQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In use, expiring on {@code from}..{@code to} (inclusive), after {@code after} in (expires_on, id) order. */
    List<ExpiringPrescription> expiring(LocalDate from, LocalDate to, ExpiringPrescription after, int limit) {
        LocalDate afterDate = after == null ? from.minusDays(1) : after.expiresOn();
        UUID afterId = after == null ? new UUID(0L, 0L) : after.prescriptionId();
        return jdbc.sql("select p.id, p.rx_number, p.patient_id, p.org_id, coalesce(p.pharmacy_id, p.org_id) as pharmacy, p.expires_on"
                        + " from prescriptions p where " + IN_USE + """
                          and p.expires_on between :from and :to and (p.expires_on, p.id) > (:afterDate, :afterId)
                        order by p.expires_on, p.id limit :limit""")
                .param("from", from).param("to", to).param("afterDate", afterDate).param("afterId", afterId)
                .param("limit", limit)
                .query((rs, n) -> new ExpiringPrescription(rs.getObject(1, UUID.class), "RX-" + rs.getLong(2),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class),
                        rs.getObject(6, LocalDate.class)))
                .list();
    }

    /**
     * Filled or dispensed, not expired, refills remaining, whose latest fill's supply ends in [{@code from}, {@code to}];
     * prescriptions after {@code afterId} in id order. Walks the refillable prescriptions by their partial index and
     * looks up each one's latest fill through the (prescription_id, fill_number) unique index.
     */
    List<EndingSupply> suppliesEnding(Instant from, Instant to, LocalDate today, UUID afterId, int limit) {
        return jdbc.sql("""
                select p.id, f.id as fill_id, p.patient_id, p.org_id, coalesce(p.pharmacy_id, p.org_id) as pharmacy,
                       f.filled_at + make_interval(days => p.days_supply) as ends_at, p.refills_remaining
                from prescriptions p
                cross join lateral (select lf.id, lf.filled_at from prescription_fills lf where lf.prescription_id = p.id
                                    order by lf.fill_number desc limit 1) f
                where p.status in ('filled', 'dispensed') and p.deleted_at is null and p.refills_remaining > 0
                  and p.expires_on >= :today and p.id > :after
                  and f.filled_at + make_interval(days => p.days_supply) between :from and :to
                order by p.id limit :limit""")
                .param("today", today).param("after", afterId == null ? new UUID(0L, 0L) : afterId)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("limit", limit)
                .query((rs, n) -> new EndingSupply(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class),
                        rs.getTimestamp(6).toInstant(), rs.getInt(7)))
                .list();
    }
}
