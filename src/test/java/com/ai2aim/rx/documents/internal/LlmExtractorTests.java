package com.ai2aim.rx.documents.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.documents.internal.extract.DeterministicExtractor;
import com.ai2aim.rx.documents.internal.extract.DocumentText;
import com.ai2aim.rx.documents.internal.extract.Extraction;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.validation.Validation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Extraction with a language model configured: WireMock plays an OpenAI-compatible chat endpoint. A valid answer is
 * used as it is; a malformed, invalid or failed one leaves the deterministic result in place, with a warning.
 */
class LlmExtractorTests {

    static final WireMockServer model = new WireMockServer(wireMockConfig().dynamicPort());
    static final JsonMapper json = JsonMapper.builder().build();
    static final DocumentText REFERRAL = new DocumentText("""
            LAKESHORE PRIMARY CARE
            REFERRAL LETTER
            Date: 2025-03-14
            From: Dr Quinn Okafor, Lakeshore Primary Care
            To: Cardiology Department, Bayview General Hospital
            Patient: Avery Whitlock DOB: 1961-02-03
            Urgency: Urgent
            Reason for referral: Exertional chest pain with abnormal ECG
            """, 1.0, "text_layer", 1);

    LlmExtractor extractor;
    Extraction offline;

    @BeforeAll
    static void startModel() {
        model.start();
    }

    @AfterAll
    static void stopModel() {
        model.stop();
    }

    @BeforeEach
    void setUp() {
        model.resetAll();
        extractor = new LlmExtractor(model.baseUrl() + "/v1", "test-key", "test-model", json,
                Validation.buildDefaultValidatorFactory().getValidator());
        offline = new DeterministicExtractor().extract(REFERRAL, null);
    }

    void modelAnswers(String content) {
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(json.writeValueAsString(Map.of(
                "id", "chatcmpl-test", "object", "chat.completion", "created", 1, "model", "test-model",
                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", content))),
                "usage", Map.of("prompt_tokens", 10, "completion_tokens", 10, "total_tokens", 20))))));
    }

    @Test
    void aValidAnswerIsTheExtractionAndTheModelIsAskedForTheSchema() {
        modelAnswers("""
                {"documentType":"referral","confidence":0.9,
                 "patient":{"name":"Avery Whitlock","dateOfBirth":"1961-02-03","mrn":null},
                 "dates":{"document":"2025-03-14","collected":null,"reported":null},
                 "labResults":[],
                 "referral":{"reason":"Exertional chest pain with abnormal ECG","from":"Dr Quinn Okafor, Lakeshore Primary Care",
                             "to":"Cardiology Department, Bayview General Hospital","urgency":"urgent"},
                 "prescription":null,"warnings":[]}""");

        Extraction got = extractor.extract(REFERRAL, "referral", offline);

        assertThat(got.extractor()).isEqualTo("llm");
        assertThat(got.documentType()).isEqualTo("referral");
        assertThat(got.patient().dateOfBirth()).isEqualTo(LocalDate.of(1961, 2, 3));
        assertThat(got.referral().urgency()).isEqualTo("urgent");
        assertThat(got.confidence()).isBetween(0.5, 0.9);
        List<LoggedRequest> requests = model.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")));
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getBodyAsString()).contains("json_schema", "labResults", "Reason for referral", "a referral");
        assertThat(requests.get(0).getHeader("Authorization")).isEqualTo("Bearer test-key");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json at all",
            // a field the schema does not have
            "{\"documentType\":\"referral\",\"confidence\":0.9,\"verdict\":\"fine\"}",
            // a date that is not ISO
            "{\"documentType\":\"referral\",\"confidence\":0.9,\"patient\":{\"name\":\"A B\",\"dateOfBirth\":\"03/02/1961\",\"mrn\":null}}",
            // fails Bean Validation: an urgency the plan does not know and a birth date in the future
            "{\"documentType\":\"referral\",\"confidence\":0.9,\"patient\":{\"name\":\"A B\",\"dateOfBirth\":\"2999-01-01\",\"mrn\":null},"
                    + "\"referral\":{\"reason\":\"x\",\"from\":null,\"to\":null,\"urgency\":\"whenever\"}}"})
    void aMalformedAnswerKeepsTheDeterministicResult(String answer) {
        modelAnswers(answer);

        Extraction got = extractor.extract(REFERRAL, null, offline);

        assertThat(got.extractor()).isEqualTo("deterministic");
        assertThat(got.referral()).isEqualTo(offline.referral());
        assertThat(got.patient()).isEqualTo(offline.patient());
        assertThat(got.warnings()).containsAnyOf("llm_answer_unusable", "llm_answer_invalid");
    }

    @Test
    void aFailingModelKeepsTheDeterministicResult() {
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)));

        Extraction got = extractor.extract(REFERRAL, null, offline);

        assertThat(got.extractor()).isEqualTo("deterministic");
        assertThat(got.referral().urgency()).isEqualTo("urgent");
        assertThat(got.warnings()).contains("llm_answer_unusable");
    }

    @Test
    void withoutAModelTheDeterministicResultIsReturnedAndNothingIsSent() {
        LlmExtractor unconfigured = new LlmExtractor("", "", "", json, Validation.buildDefaultValidatorFactory().getValidator());

        assertThat(unconfigured.extract(REFERRAL, null, offline)).isSameAs(offline);
        assertThat(model.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")))).isEmpty();
    }
}
