package com.ai2aim.rx.communications.internal;

import com.ai2aim.rx.communications.CommunicationSummary;
import com.ai2aim.rx.platform.web.PageCount;
import com.ai2aim.rx.platform.web.PageQuery;
import com.ai2aim.rx.platform.web.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for communications. Runs in the caller's transaction, so row-level security decides which rows exist; the
 * list's scope clauses repeat the policy so that each list shape is answered from its own index.
 */
@Repository
public class CommunicationRepository {

    static final Map<String, String> SORTABLE = Map.of("sentAt", "c.sent_at", "channel", "c.channel",
            "updatedAt", "c.updated_at");
    static final String DEFAULT_ORDER = "c.sent_at desc, c.id desc";
    private static final Set<String> CONTENT_COLUMNS = Set.of("subject", "body", "channel");
    private static final String COLUMNS = """
            c.id, c.org_id, c.sender_id, c.patient_id, c.prescription_id, c.channel, c.subject, c.body, c.sent_at,
            c.updated_at, c.version""";

    /** List filters; {@code unread} is about the caller's own copy, {@code from} inclusive and {@code to} exclusive. */
    record Filter(UUID patientId, UUID prescriptionId, String channel, Boolean unread, Instant from, Instant to) {}

    record Addressable(UUID userId, UUID orgId) {}

    record ReadMark(Instant readAt, boolean newlyRead) {}

    record NewCommunication(UUID orgId, UUID senderId, UUID patientId, UUID prescriptionId, String channel,
                            String subject, String body) {}

    private final JdbcClient jdbc;

    CommunicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CommunicationView> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from communications c where c.id = :id and c.deleted_at is null")
                .param("id", id).query(this::view).optional()
                .map(c -> c.withRecipients(recipientsOf(List.of(id)).getOrDefault(id, List.of())));
    }

    PageResult<CommunicationView> list(CommunicationAccess.Scope scope, UUID caller, Filter filter, PageQuery page) {
        List<String> clauses = new ArrayList<>(List.of("c.deleted_at is null"));
        Map<String, Object> params = new LinkedHashMap<>();
        restrictTo(scope, clauses, params);
        if (filter.patientId() != null) { clauses.add("c.patient_id = :patient"); params.put("patient", filter.patientId()); }
        if (filter.prescriptionId() != null) { clauses.add("c.prescription_id = :prescription"); params.put("prescription", filter.prescriptionId()); }
        if (filter.channel() != null) { clauses.add("c.channel = :channel"); params.put("channel", filter.channel()); }
        if (filter.from() != null) { clauses.add("c.sent_at >= :from"); params.put("from", timestamp(filter.from())); }
        if (filter.to() != null) { clauses.add("c.sent_at < :to"); params.put("to", timestamp(filter.to())); }
        if (filter.unread() != null) {
            clauses.add(Boolean.TRUE.equals(filter.unread())
                    ? "c.id in (select u.communication_id from communication_recipients u where u.recipient_id = :caller and u.read_at is null and u.deleted_at is null)"
                    : "c.id in (select u.communication_id from communication_recipients u where u.recipient_id = :caller and u.read_at is not null)");
            params.put("caller", caller);
        }
        String where = " where " + String.join(" and ", clauses);
        List<CommunicationView> items = jdbc.sql("select " + COLUMNS + " from communications c" + where
                        + " order by " + page.orderBy() + " limit :limit offset :offset")
                .params(params).param("limit", page.limit()).param("offset", page.offset()).query(this::view).list();
        PageCount.Total total = PageCount.bounded(jdbc, "from communications c" + where, params, page, items.size());
        Map<UUID, List<CommunicationView.Recipient>> recipients = recipientsOf(items.stream().map(CommunicationView::id).toList());
        return PageResult.of(items.stream().map(c -> c.withRecipients(recipients.getOrDefault(c.id(), List.of()))).toList(),
                page, total);
    }

    private static void restrictTo(CommunicationAccess.Scope scope, List<String> clauses, Map<String, Object> params) {
        if (scope instanceof CommunicationAccess.Scope.Organisation org) {
            clauses.add("c.org_id = :scopeOrg");
            params.put("scopeOrg", org.orgId());
        } else if (scope instanceof CommunicationAccess.Scope.Participant participant) {
            // A union rather than "sender = me or id in (...)": an OR across two tables defeats both indexes.
            clauses.add("""
                    c.id in (select s.id from communications s where s.sender_id = :scopeUser and s.deleted_at is null
                             union all select r.communication_id from communication_recipients r where r.recipient_id = :scopeUser)""");
            params.put("scopeUser", participant.userId());
        }
    }

    /** The candidates the caller may address (see {@code rx.addressable_users}). */
    List<Addressable> addressable(Collection<UUID> candidates) {
        return jdbc.sql("select user_id, org_id from rx.addressable_users(array[:ids])").param("ids", List.copyOf(candidates))
                .query((rs, n) -> new Addressable(rs.getObject("user_id", UUID.class), rs.getObject("org_id", UUID.class)))
                .list();
    }

    UUID insert(NewCommunication c) {
        return jdbc.sql("""
                insert into communications (org_id, sender_id, patient_id, prescription_id, channel, subject, body)
                values (:org, :sender, :patient, :prescription, :channel, :subject, :body) returning id""")
                .param("org", c.orgId()).param("sender", c.senderId()).param("patient", c.patientId())
                .param("prescription", c.prescriptionId()).param("channel", c.channel()).param("subject", c.subject())
                .param("body", c.body()).query(UUID.class).single();
    }

    void addRecipients(UUID communication, UUID org, Collection<UUID> recipients) {
        jdbc.sql("""
                insert into communication_recipients (communication_id, recipient_id, org_id)
                select :communication, r, :org from unnest(array[:recipients]) as r""")
                .param("communication", communication).param("org", org).param("recipients", List.copyOf(recipients)).update();
    }

    /** Takes the row lock an edit holds until commit; a first read waits for it (see rx.mark_communication_read). */
    boolean lockForChange(UUID id) {
        return jdbc.sql("select 1 from communications where id = :id and deleted_at is null for update")
                .param("id", id).query(Integer.class).optional().isPresent();
    }

    boolean anyRecipientHasRead(UUID id) {
        return jdbc.sql("select exists (select 1 from communication_recipients where communication_id = :id and read_at is not null)")
                .param("id", id).query(Boolean.class).single();
    }

    /** Sets the given content columns if the row is still at {@code expectedVersion} (null: any version). */
    boolean updateContent(UUID id, Integer expectedVersion, Map<String, Object> columns) {
        StringBuilder set = new StringBuilder();
        columns.keySet().forEach(column -> {
            if (!CONTENT_COLUMNS.contains(column)) {
                throw new IllegalArgumentException("not a content column");
            }
            set.append(column).append(" = :").append(column).append(", ");
        });
        String versionCheck = expectedVersion == null ? "" : " and version = :expected";
        var spec = jdbc.sql("update communications set " + set + "version = version + 1, updated_at = now()"
                        + " where id = :id and deleted_at is null" + versionCheck)
                .params(columns).param("id", id);
        if (expectedVersion != null) {
            spec = spec.param("expected", expectedVersion);
        }
        return spec.update() == 1;
    }

    boolean softDelete(UUID id) {
        return jdbc.sql("""
                update communications set deleted_at = now(), version = version + 1, updated_at = now()
                where id = :id and deleted_at is null""").param("id", id).update() == 1;
    }

    /** Marks it read for the caller; empty when the caller is not a recipient. */
    Optional<ReadMark> markRead(UUID id) {
        return jdbc.sql("select marked_at, newly_read from rx.mark_communication_read(:id)").param("id", id)
                .query((rs, n) -> new ReadMark(instant(rs, "marked_at"), rs.getBoolean("newly_read"))).optional();
    }

    /** Answered from the partial index on unread, undeleted recipient rows. */
    long unreadCount(UUID recipient) {
        return jdbc.sql("""
                select count(*) from communication_recipients
                where recipient_id = :me and read_at is null and deleted_at is null""")
                .param("me", recipient).query(Long.class).single();
    }

    public List<CommunicationSummary> summariesForPatient(UUID patientId) {
        return jdbc.sql("""
                select c.id, c.sent_at, c.channel, c.sender_id from communications c
                where c.patient_id = :patient and c.deleted_at is null order by c.sent_at desc, c.id desc""")
                .param("patient", patientId)
                .query((rs, n) -> new CommunicationSummary(rs.getObject("id", UUID.class), instant(rs, "sent_at"),
                        rs.getString("channel"), rs.getObject("sender_id", UUID.class)))
                .list();
    }

    private Map<UUID, List<CommunicationView.Recipient>> recipientsOf(List<UUID> communications) {
        Map<UUID, List<CommunicationView.Recipient>> byCommunication = new LinkedHashMap<>();
        if (communications.isEmpty()) {
            return byCommunication;
        }
        jdbc.sql("""
                select communication_id, recipient_id, read_at from communication_recipients
                where communication_id in (:ids) order by communication_id, recipient_id""")
                .param("ids", communications)
                .query((ResultSet rs) -> {
                    byCommunication.computeIfAbsent(rs.getObject("communication_id", UUID.class), k -> new ArrayList<>())
                            .add(new CommunicationView.Recipient(rs.getObject("recipient_id", UUID.class), instant(rs, "read_at")));
                });
        return byCommunication;
    }

    private CommunicationView view(ResultSet rs, int row) throws SQLException {
        return new CommunicationView(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class),
                rs.getObject("sender_id", UUID.class), List.of(), rs.getObject("patient_id", UUID.class),
                rs.getObject("prescription_id", UUID.class), rs.getString("channel"), rs.getString("subject"),
                rs.getString("body"), instant(rs, "sent_at"), instant(rs, "updated_at"), rs.getInt("version"));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
