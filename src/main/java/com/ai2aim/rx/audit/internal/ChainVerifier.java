package com.ai2aim.rx.audit.internal;

import com.ai2aim.rx.platform.security.Actors;
import java.util.Arrays;
import java.util.HexFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the whole chain in order and names the first record whose hash does not match its content or whose link
 * to the previous record is broken (an edit, an insertion or a deletion). Runs as the service so an organisation
 * admin's partial view does not look like a broken chain.
 */
@Component
class ChainVerifier {

    record Result(boolean valid, long checked, Long firstBrokenSeq, String firstBrokenId, String reason) {}

    private static final byte[] GENESIS = new byte[32];

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    ChainVerifier(javax.sql.DataSource dataSource, TransactionTemplate transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(2000);
        this.transactions = transactions;
    }

    Result verify() {
        return Actors.asService(() -> transactions.execute(status -> walk()));
    }

    private Result walk() {
        Walk walk = new Walk();
        jdbc.query("select seq, id, prev_hash, hash, rx.audit_hash(prev_hash, a) = hash as intact from audit_log a order by seq",
                rs -> {
                    if (walk.broken != null) {
                        return;
                    }
                    walk.check(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4), rs.getBoolean(5));
                });
        if (walk.broken != null) {
            return walk.broken;
        }
        byte[] head = jdbc.queryForObject("select last_hash from audit_chain_head where id = 1", byte[].class);
        if (!Arrays.equals(head, walk.previousHash)) {
            return new Result(false, walk.checked, null, null, "the newest records were removed (head hash " +
                    HexFormat.of().formatHex(head).substring(0, 12) + "… does not match the last record)");
        }
        return new Result(true, walk.checked, null, null, null);
    }

    private static final class Walk {
        byte[] previousHash = GENESIS;
        long checked;
        Result broken;

        void check(long seq, String id, byte[] prevHash, byte[] hash, boolean intact) {
            if (!Arrays.equals(prevHash, previousHash)) {
                broken = new Result(false, checked, seq, id, "link to the previous record is broken (a record before it was removed or altered)");
            } else if (!intact) {
                broken = new Result(false, checked, seq, id, "record content does not match its hash (edited)");
            } else {
                checked++;
                previousHash = hash;
            }
        }
    }
}
