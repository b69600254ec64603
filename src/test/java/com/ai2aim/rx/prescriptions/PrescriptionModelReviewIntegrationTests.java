package com.ai2aim.rx.prescriptions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ai2aim.rx.prescriptions.internal.verification.Finding;
import com.ai2aim.rx.prescriptions.internal.verification.VerificationInput;
import com.ai2aim.rx.prescriptions.internal.verification.VerificationPolicy;
import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.ClinicalFixture;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verification with a language model configured: WireMock plays an OpenAI-compatible chat endpoint. Also a local
 * policy that fails for one marker quantity, to prove the retry-then-manual fallback end to end.
 */
@IntegrationTest
class PrescriptionModelReviewIntegrationTests {

    static final int FAILING_QUANTITY = 77;
    static final AtomicInteger failingPolicyCalls = new AtomicInteger();
    static final WireMockServer model = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        model.start();
    }

    @DynamicPropertySource
    static void modelEndpoint(DynamicPropertyRegistry registry) {
        registry.add("rx.llm.base-url", () -> model.baseUrl() + "/v1");
        registry.add("rx.llm.api-key", () -> "test-key");
        registry.add("rx.llm.model", () -> "test-model");
        registry.add("rx.llm.timeout", () -> "3s");
        registry.add("rx.prescriptions.verification.retry-backoff", () -> "20ms");
    }

    static final List<UUID> manualAlerts = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Stands for the module that alerts pharmacists: records each committed hand-over to manual verification. */
    @TestConfiguration
    static class ManualVerificationListener {
        @org.springframework.transaction.event.TransactionalEventListener
        void on(PrescriptionNeedsManualVerification event) {
            manualAlerts.add(event.prescriptionId());
        }
    }

    /** A deployment's own policy that breaks (as a buggy local rule would) for one marker quantity. */
    @TestConfiguration
    static class FailingLocalPolicy {
        @Bean
        VerificationPolicy brokenLocalPolicy() {
            return new VerificationPolicy() {
                @Override public String name() { return "brokenLocalPolicy"; }

                @Override
                public List<Finding> apply(VerificationInput input) {
                    if (input.candidate().quantity().intValue() == FAILING_QUANTITY) {
                        failingPolicyCalls.incrementAndGet();
                        throw new IllegalStateException("local rule broke");
                    }
                    return List.of();
                }
            };
        }
    }

    @AfterAll
    static void stopModel() {
        model.stop();
    }

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;
    @Autowired JsonMapper json;

    Api api;
    TestUsers users;
    ClinicalFixture clinical;
    JdbcClient db;
    UUID patient;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        db = JdbcClient.create(owner);
        clinical = new ClinicalFixture(api, users, db);
        patient = clinical.patient();
        model.resetAll();
    }

    void modelAnswers(String content) {
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(json.writeValueAsString(Map.of(
                "id", "chatcmpl-test", "object", "chat.completion", "created", 1, "model", "test-model",
                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", content))),
                "usage", Map.of("prompt_tokens", 10, "completion_tokens", 10, "total_tokens", 20))))));
    }

    /** Writes a prescription and waits for its automatic verification; returns the stored verification JSON. */
    String writeAndAwaitVerification(String product, Map<String, Object> overrides) {
        UUID id = clinical.prescription(patient, product, overrides);
        await().atMost(Duration.ofSeconds(15)).until(() -> clinical.prescriptionColumn(id, "verification_status") != null);
        lastId = id;
        return clinical.prescriptionColumn(id, "coalesce(verification::text, '')");
    }

    UUID lastId;

    String plainProduct() {
        return clinical.product("dea_schedule is null and therapeutic_class is null");
    }

    @Test
    void aModelWarningSendsAPrescriptionTheRulesPassedToReviewAndTheModelSeesNoIdentifiers() {
        modelAnswers("""
                {"findings":[{"severity":"warning","code":"CHECK_RENAL_DOSE","message":"Consider renal dose adjustment."}],
                 "summary":"One concern."}""");

        String verification = writeAndAwaitVerification(plainProduct(), Map.of());

        assertThat(clinical.prescriptionColumn(lastId, "verification_status")).isEqualTo("needs_review");
        assertThat(verification).contains("MODEL_CHECK_RENAL_DOSE", "modelReview", "test-model");
        List<LoggedRequest> requests = model.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")));
        assertThat(requests).hasSize(1);
        String sent = requests.get(0).getBodyAsString();
        assertThat(sent).contains("json_schema", "prescription_review", "ageYears", "newPrescription");
        String mrn = db.sql("select mrn from patients where id = ?").param(patient).query(String.class).single();
        assertThat(sent).doesNotContain("Fixture", "1970-05-06", mrn, patient.toString(), lastId.toString());
        assertThat(requests.get(0).getHeader("Authorization")).isEqualTo("Bearer test-key");
    }

    @Test
    void malformedModelOutputIsIgnoredAndTheRulesAloneDecide() {
        for (String malformed : List.of("not json at all",
                "{\"findings\":[{\"severity\":\"hard_stop\",\"code\":\"BLOCK\",\"message\":\"Stop.\"}],\"summary\":\"x\"}",
                "{\"findings\":[],\"summary\":\"ok\",\"verdict\":\"passed\"}",
                "{\"findings\":[{\"severity\":\"warning\",\"code\":\"lower case\",\"message\":\"m\"}],\"summary\":\"x\"}")) {
            model.resetAll();
            modelAnswers(malformed);

            String verification = writeAndAwaitVerification(plainProduct(), Map.of());

            assertThat(verification).as(malformed).contains("MODEL_REVIEW_REJECTED").doesNotContain("hard_stop");
            assertThat(clinical.prescriptionColumn(lastId, "verification_status")).as(malformed).isEqualTo("passed");
        }
    }

    @Test
    void aModelThatIsDownLeavesTheDecisionToTheRules() {
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)));

        String verification = writeAndAwaitVerification(plainProduct(), Map.of());

        assertThat(verification).contains("MODEL_REVIEW_UNAVAILABLE");
        assertThat(clinical.prescriptionColumn(lastId, "verification_status")).isEqualTo("passed");
    }

    @Test
    void theModelCannotClearAHardStop() {
        Api.Response allergy = api.post("/api/patients/" + patient + "/allergies",
                Map.of("drugClass", "Penicillins", "reaction", "hives", "severity", "severe"))
                .token(users.token(TestUsers.PHYSICIAN)).send();
        assertThat(allergy.status()).as(allergy.raw()).isIn(200, 201);
        modelAnswers("{\"findings\":[],\"summary\":\"No concerns; safe to dispense.\"}");

        writeAndAwaitVerification(clinical.product("rxcui = '723'"), Map.of());

        assertThat(clinical.prescriptionColumn(lastId, "verification_status")).isEqualTo("failed");
        model.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("ALLERGY")));
    }

    @Test
    void verificationThatKeepsFailingFallsBackToManualAndAlertsOnce() {
        modelAnswers("{\"findings\":[],\"summary\":\"ok\"}");
        failingPolicyCalls.set(0);

        String verification = writeAndAwaitVerification(plainProduct(), Map.of("quantity", FAILING_QUANTITY));

        assertThat(verification).isEmpty();
        assertThat(clinical.prescriptionColumn(lastId, "verification_status")).isEqualTo("manual");
        assertThat(failingPolicyCalls.get()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> manualAlerts.contains(lastId));
        assertThat(manualAlerts).containsOnlyOnce(lastId);
        assertThat(db.sql("select details::text from audit_log where resource_id = ? and action = 'prescription.verify'")
                .param(lastId.toString()).query(String.class).single()).contains("manual");
        // The pharmacy's pharmacists are told, by prescription number only.
        String rxNumber = clinical.prescriptionColumn(lastId, "rx_number");
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/notifications?limit=100")
                .token(users.token(TestUsers.PHARMACIST)).send().raw().contains(rxNumber));
        String inbox = api.get("/api/notifications?limit=100").token(users.token(TestUsers.PHARMACIST)).send().raw();
        assertThat(inbox).contains("verification-needs-review").doesNotContain("Fixture");
    }
}
