package com.ai2aim.rx.notifications.internal;

import com.ai2aim.rx.platform.web.PageQuery;
import com.ai2aim.rx.platform.web.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code notification_templates}; deleted templates (soft) are never returned. */
@Repository
class TemplateRepository {

    static final Map<String, String> SORTABLE = Map.of("key", "key", "channel", "channel", "updatedAt", "updated_at");
    static final String DEFAULT_ORDER = "key asc, channel asc, id asc";
    private static final String SELECT = """
            select id, key, channel, locale, subject, body, html_body, version, active, created_at, updated_at
            from notification_templates""";

    private final JdbcClient jdbc;

    TemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TemplateView> find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id and deleted_at is null").param("id", id).query(TemplateRepository::view).optional();
    }

    Optional<TemplateView> lock(UUID id) {
        return jdbc.sql(SELECT + " where id = :id and deleted_at is null for update").param("id", id).query(TemplateRepository::view).optional();
    }

    /**
     * The active templates of a key, one per channel, for a recipient's {@code locale} (may be null): per channel the
     * template in exactly that locale ({@code es-MX}), else in its language ({@code es}), else the default.
     */
    List<TemplateView> activeFor(String key, String locale) {
        String language = locale == null ? null : locale.split("-", 2)[0];
        return jdbc.sql(SELECT + " " + """
                 where key = :key and active and deleted_at is null
                   and (locale is null or locale = :locale or locale = :language)
                 order by channel, length(locale) desc nulls last""")
                .param("key", key).param("locale", locale).param("language", language)
                .query(TemplateRepository::view).list()
                .stream().collect(java.util.stream.Collectors.toMap(TemplateView::channel, t -> t, (a, b) -> a, LinkedHashMap::new))
                .values().stream().toList();
    }

    PageResult<TemplateView> list(String key, String channel, PageQuery page) {
        List<String> clauses = new ArrayList<>(List.of("deleted_at is null"));
        Map<String, Object> params = new LinkedHashMap<>();
        if (key != null) {
            clauses.add("key = :key");
            params.put("key", key);
        }
        if (channel != null) {
            clauses.add("channel = :channel");
            params.put("channel", channel);
        }
        String where = " where " + String.join(" and ", clauses);
        long total = jdbc.sql("select count(*) from notification_templates" + where).params(params).query(Long.class).single();
        List<TemplateView> items = jdbc.sql(SELECT + where + " order by " + page.orderBy() + " limit :limit offset :offset")
                .params(params).param("limit", page.limit()).param("offset", page.offset())
                .query(TemplateRepository::view).list();
        return PageResult.of(items, page, total);
    }

    UUID insert(TemplateRequests.Create t, UUID by) {
        return jdbc.sql("""
                insert into notification_templates (key, channel, locale, subject, body, html_body, active, created_by)
                values (:key, :channel, :locale, :subject, :body, :html, :active, :by) returning id""")
                .param("key", t.key()).param("channel", t.channel()).param("locale", t.locale())
                .param("subject", t.subject()).param("body", t.body()).param("html", t.htmlBody())
                .param("active", t.active() == null || t.active()).param("by", by)
                .query(UUID.class).single();
    }

    void update(UUID id, String subject, String body, String htmlBody, boolean active) {
        jdbc.sql("""
                update notification_templates set subject = :subject, body = :body, html_body = :html, active = :active,
                    version = version + 1, updated_at = now() where id = :id""")
                .param("id", id).param("subject", subject).param("body", body).param("html", htmlBody)
                .param("active", active).update();
    }

    void delete(UUID id) {
        jdbc.sql("update notification_templates set deleted_at = now(), active = false, version = version + 1, updated_at = now() where id = :id")
                .param("id", id).update();
    }

    private static TemplateView view(ResultSet rs, int n) throws SQLException {
        return new TemplateView(rs.getObject("id", UUID.class), rs.getString("key"), rs.getString("channel"),
                rs.getString("locale"), rs.getString("subject"), rs.getString("body"), rs.getString("html_body"),
                rs.getInt("version"), rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
