package com.ai2aim.rx.documents.internal;

import com.ai2aim.rx.documents.internal.extract.Extraction;
import com.ai2aim.rx.platform.web.PageQuery;
import com.ai2aim.rx.platform.web.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for documents, run in the caller's transaction: row-level security decides which documents exist. */
@Repository
class DocumentRepository {

    static final Map<String, String> SORTABLE = Map.of("createdAt", "d.created_at", "confidence", "d.confidence");
    static final String DEFAULT_ORDER = "d.created_at desc, d.id desc";
    private static final String COLUMNS = """
            d.id, d.org_id, d.patient_id, d.uploaded_by, d.file_name, d.content_type, d.size_bytes, d.sha256,
            d.page_count, d.type_hint, d.document_type, d.status, d.review_reason, d.confidence, d.extractor,
            d.text_source, d.processing_ms, d.created_at, d.updated_at, d.version""";

    record Filter(UUID patientId, String type, String status) {}

    record NewDocument(UUID orgId, UUID patientId, UUID uploadedBy, String fileName, String contentType, int size,
                       String sha256, int pages, String typeHint, DocumentPipeline.Outcome outcome) {}

    record Content(String contentType, String fileName, byte[] bytes, String text) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DocumentRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    UUID insert(NewDocument d, byte[] content) {
        DocumentPipeline.Outcome o = d.outcome();
        UUID id = jdbc.sql("""
                insert into documents (org_id, patient_id, uploaded_by, file_name, content_type, size_bytes, sha256,
                    page_count, type_hint, document_type, status, review_reason, confidence, extractor, text_source,
                    result, processing_ms)
                values (:org, :patient, :uploader, :fileName, :contentType, :size, :sha, :pages, :hint, :type, :status,
                    :reason, :confidence, :extractor, :source, cast(:result as jsonb), :ms)
                returning id""")
                .param("org", d.orgId()).param("patient", d.patientId()).param("uploader", d.uploadedBy())
                .param("fileName", d.fileName()).param("contentType", d.contentType()).param("size", d.size())
                .param("sha", d.sha256()).param("pages", d.pages()).param("hint", d.typeHint())
                .param("type", o.extraction().documentType()).param("status", o.status()).param("reason", o.reviewReason())
                .param("confidence", o.extraction().confidence()).param("extractor", o.extraction().extractor())
                .param("source", o.text().source()).param("result", json.writeValueAsString(o.extraction()))
                .param("ms", o.millis()).query(UUID.class).single();
        jdbc.sql("insert into document_contents (document_id, content, text) values (:id, :content, :text)")
                .param("id", id).param("content", content).param("text", o.text().text().replace("\u0000", "")).update();
        return id;
    }

    /** Replaces the extraction (a re-run of the pipeline); false when the document is gone. */
    boolean updateExtraction(UUID id, DocumentPipeline.Outcome o) {
        return jdbc.sql("""
                update documents set document_type = :type, status = :status, review_reason = :reason,
                    confidence = :confidence, extractor = :extractor, result = cast(:result as jsonb),
                    processing_ms = :ms, version = version + 1, updated_at = now()
                where id = :id and deleted_at is null""")
                .param("type", o.extraction().documentType()).param("status", o.status()).param("reason", o.reviewReason())
                .param("confidence", o.extraction().confidence()).param("extractor", o.extraction().extractor())
                .param("result", json.writeValueAsString(o.extraction())).param("ms", o.millis()).param("id", id)
                .update() == 1;
    }

    Optional<DocumentView> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + ", d.result::text as result from documents d where d.id = :id and d.deleted_at is null")
                .param("id", id).query((rs, n) -> view(rs).withResult(json.readValue(rs.getString("result"), Extraction.class)))
                .optional();
    }

    Optional<Content> content(UUID id) {
        return jdbc.sql("""
                select d.content_type, d.file_name, c.content, c.text from documents d
                join document_contents c on c.document_id = d.id where d.id = :id and d.deleted_at is null""")
                .param("id", id).query((rs, n) -> new Content(rs.getString("content_type"), rs.getString("file_name"),
                        rs.getBytes("content"), rs.getString("text"))).optional();
    }

    PageResult<DocumentView> list(UUID scopeOrg, UUID scopeUser, Filter filter, PageQuery page) {
        List<String> clauses = new ArrayList<>(List.of("d.deleted_at is null"));
        Map<String, Object> params = new LinkedHashMap<>();
        if (scopeOrg != null) { clauses.add("d.org_id = :org"); params.put("org", scopeOrg); }
        if (scopeUser != null) {
            clauses.add("d.patient_id in (select p.id from patients p where p.user_id = :user)");
            params.put("user", scopeUser);
        }
        if (filter.patientId() != null) { clauses.add("d.patient_id = :patient"); params.put("patient", filter.patientId()); }
        if (filter.type() != null) { clauses.add("d.document_type = :type"); params.put("type", filter.type()); }
        if (filter.status() != null) { clauses.add("d.status = :status"); params.put("status", filter.status()); }
        String where = " where " + String.join(" and ", clauses);
        long total = jdbc.sql("select count(*) from documents d" + where).params(params).query(Long.class).single();
        List<DocumentView> items = jdbc.sql("select " + COLUMNS + " from documents d" + where + " order by " + page.orderBy()
                        + " limit :limit offset :offset")
                .params(params).param("limit", page.limit()).param("offset", page.offset()).query((rs, n) -> view(rs)).list();
        return PageResult.of(items, page, total);
    }

    boolean softDelete(UUID id) {
        return jdbc.sql("update documents set deleted_at = now(), version = version + 1, updated_at = now() where id = :id and deleted_at is null")
                .param("id", id).update() == 1;
    }

    private static DocumentView view(ResultSet rs) throws SQLException {
        return new DocumentView(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class),
                rs.getObject("patient_id", UUID.class), rs.getObject("uploaded_by", UUID.class), rs.getString("file_name"),
                rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("sha256"), rs.getInt("page_count"),
                rs.getString("type_hint"), rs.getString("document_type"), rs.getString("status"),
                rs.getString("review_reason"), rs.getBigDecimal("confidence"), rs.getString("extractor"),
                rs.getString("text_source"), rs.getInt("processing_ms"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("version"), null);
    }
}
