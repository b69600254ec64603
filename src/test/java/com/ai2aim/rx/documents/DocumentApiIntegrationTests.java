package com.ai2aim.rx.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.documents.corpus.CorpusGenerator;
import com.ai2aim.rx.documents.corpus.SyntheticDocument;
import com.ai2aim.rx.documents.corpus.SyntheticDocument.Kind;
import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Upload, read, link, re-extract and delete documents through the API and the document-extract function. */
@IntegrationTest
class DocumentApiIntegrationTests {

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    Api api;
    TestUsers users;
    JdbcClient db;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        db = JdbcClient.create(owner);
    }

    Api.Response upload(String email, Multipart body) {
        return api.request("POST", "/api/documents", body.body()).contentType(body.contentType()).token(users.token(email)).send();
    }

    static Multipart fileOf(SyntheticDocument doc) {
        return new Multipart().file("file", doc.id(), "application/octet-stream", doc.content());
    }

    long documents() {
        return db.sql("select count(*) from documents").query(Long.class).single();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void uploadsEachKindOfFileAndExtractsTheLabResult(Kind kind) {
        SyntheticDocument doc = new CorpusGenerator(7_000 + kind.ordinal()).generate("lab", kind, "it-" + kind);
        Api.Response created = upload(TestUsers.PHARMACIST, fileOf(doc).field("type", "lab_result"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        var data = created.data();
        assertThat(data.path("contentType").asString()).isEqualTo(doc.mediaType());
        assertThat(data.path("documentType").asString()).isEqualTo("lab_result");
        assertThat(data.path("textSource").asString()).isEqualTo(kind == Kind.PDF_TEXT ? "text_layer" : "ocr");
        var result = data.path("result");
        assertThat(result.path("patient").path("name").asString()).isEqualTo(doc.truth().get("patient.name"));
        assertThat(result.path("patient").path("dateOfBirth").asString()).isEqualTo(doc.truth().get("patient.dateOfBirth"));
        assertThat(result.path("labResults").size()).isGreaterThanOrEqualTo(4);
        assertThat(result.path("labResults").get(0).path("test").asString()).isEqualTo(doc.truth().get("labResults[0].test"));

        String id = data.path("id").asString();
        Api.Response read = api.get("/api/documents/" + id).token(users.token(TestUsers.TECHNICIAN)).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.data().path("result").path("documentType").asString()).isEqualTo("lab_result");
        Api.Response content = api.get("/api/documents/" + id + "/content").token(users.token(TestUsers.PHARMACIST)).send();
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.header("content-type")).startsWith(doc.mediaType());
        assertThat(audits(id)).contains("document.upload", "document.read", "document.content_read");
    }

    @Test
    void documentExtractFunctionReturnsThePlanShapedResultAndReplacesTheStoredOne() {
        SyntheticDocument doc = new CorpusGenerator(42).generate("prescription", Kind.PDF_TEXT, "fn");
        String id = upload(TestUsers.PHARMACIST, fileOf(doc)).data().path("id").asString();
        Api.Response answer = api.post("/functions/v1/document-extract", Map.of("documentId", id))
                .token(users.token(TestUsers.PHARMACIST)).send();
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.json().path("documentType").asString()).isEqualTo("prescription");
        assertThat(answer.json().path("prescription").path("medication").asString()).isEqualTo(doc.truth().get("prescription.medication"));
        assertThat(answer.json().path("prescription").path("refills").asInt()).isEqualTo(Integer.parseInt(doc.truth().get("prescription.refills")));
        assertThat(answer.json().path("confidence").asDouble()).isBetween(0.8, 1.0);
        assertThat(audits(id)).contains("document.extract");
        assertThat(db.sql("select version from documents where id = ?::uuid").param(id).query(Integer.class).single()).isEqualTo(2);

        Api.Response unknown = api.post("/functions/v1/document-extract", Map.of("documentId", UUID.randomUUID().toString()))
                .token(users.token(TestUsers.PHARMACIST)).send();
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void linksTheDocumentToTheOnePatientWithTheExtractedNameAndBirthDate() {
        SyntheticDocument doc = new CorpusGenerator(99).generate("referral", Kind.PDF_TEXT, "link");
        String[] name = doc.truth().get("patient.name").split(" ");
        Map<String, Object> patient = new LinkedHashMap<>(Map.of("mrn", "D-" + UUID.randomUUID().toString().substring(0, 8),
                "firstName", name[0], "lastName", name[1], "dateOfBirth", doc.truth().get("patient.dateOfBirth"), "sexAtBirth", "female"));
        Api.Response made = api.post("/api/patients", patient).token(users.token(TestUsers.PHARMACIST)).send();
        assertThat(made.status()).as(made.raw()).isEqualTo(201);

        Api.Response created = upload(TestUsers.PHARMACIST, fileOf(doc));
        assertThat(created.data().path("patientId").asString()).isEqualTo(made.data().path("id").asString());
        assertThat(created.data().path("result").path("referral").path("urgency").asString()).isEqualTo(doc.truth().get("referral.urgency"));
    }

    @Test
    void anUnsureExtractionIsMarkedForReviewAndTheUploaderGetsAnInAppNotification() {
        SyntheticDocument doc = new CorpusGenerator(5).generate("letter", Kind.PNG, "unsure");
        byte[] scribble = new CorpusGenerator(6).generate("letter", Kind.PNG, "x").content();
        // A letter with its lower half cut off still reads, but misses fields: below the threshold.
        Api.Response created = upload(TestUsers.TECHNICIAN, new Multipart().file("file", "x.png", "image/png",
                cropTop(scribble)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.data().path("status").asString()).isEqualTo("needs_review");
        UUID id = UUID.fromString(created.data().path("id").asString());
        UUID technician = users.id(TestUsers.TECHNICIAN);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ReviewEventsRecorder.RECEIVED).anySatisfy(e -> {
                    assertThat(e.documentId()).isEqualTo(id);
                    assertThat(e.uploaderUserId()).isEqualTo(technician);
                    assertThat(e.reason()).isIn("low_confidence", "validation_failed");
                }));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response inbox = api.get("/api/notifications").token(users.token(TestUsers.TECHNICIAN)).send();
            assertThat(inbox.status()).isEqualTo(200);
            assertThat(inbox.data().findValues("body").stream().map(n -> n.asString()))
                    .contains("Document " + id + " needs review.");
        });
        Api.Response listed = api.get("/api/documents?status=needs_review&limit=100").token(users.token(TestUsers.PHARMACIST)).send();
        assertThat(listed.data().findValues("id").stream().map(n -> n.asString())).contains(id.toString());
        assertThat(doc.truth()).isNotEmpty();
    }

    static byte[] cropTop(byte[] png) {
        try {
            var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
            var top = image.getSubimage(0, 0, image.getWidth(), image.getHeight() / 9);
            var out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(top, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void badUploadsAreRefusedWithAClearCodeAndStoreNothing() {
        byte[] pdf = new CorpusGenerator(1).generate("lab", Kind.PDF_TEXT, "bad").content();
        long before = documents();
        assertRefused(upload(TestUsers.PHARMACIST, new Multipart().file("file", "a.pdf", "application/pdf", "hello".getBytes())), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertRefused(upload(TestUsers.PHARMACIST, new Multipart().file("file", "a.pdf", "application/pdf", new byte[0])), 400, "VALIDATION_ERROR");
        assertRefused(upload(TestUsers.PHARMACIST, new Multipart().file("file", "a.pdf", "application/pdf",
                "%PDF-1.7\n1 0 obj garbage".getBytes())), 422, "UNREADABLE_DOCUMENT");
        assertRefused(upload(TestUsers.PHARMACIST, new Multipart().file("file", "a.png", "image/png",
                Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}, 64))), 422, "UNREADABLE_DOCUMENT");
        assertRefused(upload(TestUsers.PHARMACIST, new Multipart().file("file", "a.pdf", "application/pdf", pdf).field("colour", "red")), 400, "VALIDATION_ERROR");
        assertRefused(upload(TestUsers.PHARMACIST, new Multipart().file("file", "a.pdf", "application/pdf", pdf).field("type", "poem")), 400, "VALIDATION_ERROR");
        assertRefused(upload(TestUsers.PHARMACIST, new Multipart().field("type", "letter")), 400, "VALIDATION_ERROR");
        assertRefused(upload(TestUsers.PHARMACIST, new Multipart().file("file", "a.pdf", "application/pdf", pdf)
                .field("patientId", clinicPatient().toString())), 400, "VALIDATION_ERROR");
        assertRefused(upload(TestUsers.PATIENT, new Multipart().file("file", "a.pdf", "application/pdf", pdf)), 403, "FORBIDDEN");
        assertRefused(upload(TestUsers.PHARMACIST, new Multipart().file("file", "big.pdf", "application/pdf", new byte[21 * 1024 * 1024])), 413, "PAYLOAD_TOO_LARGE");
        assertThat(documents()).isEqualTo(before);
    }

    void assertRefused(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.errorCode()).isEqualTo(code);
    }

    /** A patient of the demo clinic with no preferred pharmacy: invisible to the pharmacy's staff. */
    UUID clinicPatient() {
        Map<String, Object> patient = Map.of("mrn", "C-" + UUID.randomUUID().toString().substring(0, 8), "firstName", "Alex",
                "lastName", "Fictional", "dateOfBirth", "1970-01-01", "sexAtBirth", "male");
        Api.Response made = api.post("/api/patients", patient).token(users.token(TestUsers.PHYSICIAN)).send();
        assertThat(made.status()).as(made.raw()).isEqualTo(201);
        return UUID.fromString(made.data().path("id").asString());
    }

    @Test
    void otherOrganisationsSeeNothingAndAPatientSeesOnlyTheirOwnDocuments() {
        UUID ownPatient = db.sql("select p.id from patients p join users u on u.id = p.user_id where u.email = 'patient@demo.rx'")
                .query(UUID.class).single();
        byte[] pdf = new CorpusGenerator(11).generate("letter", Kind.PDF_TEXT, "rls").content();
        String linked = upload(TestUsers.PHARMACIST, new Multipart().file("file", "l.pdf", "application/pdf", pdf)
                .field("patientId", ownPatient.toString())).data().path("id").asString();
        String unlinked = upload(TestUsers.PHARMACIST, new Multipart().file("file", "u.pdf", "application/pdf",
                new CorpusGenerator(12).generate("letter", Kind.PDF_TEXT, "rls2").content())).data().path("id").asString();

        for (String path : new String[] {"/api/documents/" + linked, "/api/documents/" + linked + "/content"}) {
            assertThat(api.get(path).token(users.token(TestUsers.PHYSICIAN)).send().status()).isEqualTo(404);
        }
        assertThat(api.delete("/api/documents/" + linked).token(users.token(TestUsers.PHYSICIAN)).send().status()).isEqualTo(404);
        Api.Response clinicList = api.get("/api/documents?limit=100").token(users.token(TestUsers.PHYSICIAN)).send();
        assertThat(clinicList.data().findValues("id").stream().map(n -> n.asString())).doesNotContain(linked, unlinked);

        assertThat(api.get("/api/documents/" + linked).token(users.token(TestUsers.PATIENT)).send().status()).isEqualTo(200);
        assertThat(api.get("/api/documents/" + unlinked).token(users.token(TestUsers.PATIENT)).send().status()).isEqualTo(404);
        Api.Response own = api.get("/api/documents?limit=100").token(users.token(TestUsers.PATIENT)).send();
        assertThat(own.data().findValues("id").stream().map(n -> n.asString())).contains(linked).doesNotContain(unlinked);
        assertThat(api.delete("/api/documents/" + linked).token(users.token(TestUsers.PATIENT)).send().status()).isEqualTo(403);

        assertThat(api.delete("/api/documents/" + unlinked).token(users.token(TestUsers.PHARMACIST)).send().status()).isEqualTo(200);
        assertThat(api.get("/api/documents/" + unlinked).token(users.token(TestUsers.PHARMACIST)).send().status()).isEqualTo(404);
        assertThat(audits(unlinked)).contains("document.delete");
    }

    java.util.List<String> audits(String id) {
        return db.sql("select action from audit_log where resource_type = 'document' and resource_id = ?").param(id)
                .query(String.class).list();
    }
}
