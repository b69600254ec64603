package com.ai2aim.rx.documents.internal;

import com.ai2aim.rx.documents.internal.extract.DocumentText;
import com.ai2aim.rx.documents.internal.extract.ExpectedFields;
import com.ai2aim.rx.documents.internal.extract.Extraction;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.output.JsonSchemas;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Extraction by an OpenAI-compatible chat model with a JSON-schema response format, used only when
 * {@code rx.llm.base-url}, {@code api-key} and {@code model} are all set. The answer is parsed strictly (unknown
 * fields, wrong types and non-ISO dates refused) and validated; anything else, and any failure to get an answer,
 * keeps the deterministic result with a warning. Only the document's text is sent; nothing is logged but the
 * failure's type.
 */
@Component
class LlmExtractor {

    private static final Logger log = LoggerFactory.getLogger(LlmExtractor.class);
    private static final String INSTRUCTIONS = """
            You extract data from the text of one medical document (lab result, referral, letter or prescription).
            Answer only with JSON in the given schema. Use null for anything the text does not say. Dates are
            ISO-8601 (yyyy-MM-dd). documentType is one of lab_result, referral, letter, prescription, unknown.
            Lab flags are H, L, HH, LL or N. confidence (0-1) is how sure you are of the whole answer.""";

    record Answer(String documentType, Double confidence, Person patient, AnswerDates dates,
                  List<Extraction.LabResult> labResults, Extraction.Referral referral,
                  Extraction.Prescription prescription, List<String> warnings) {}

    record Person(String name, String dateOfBirth, String mrn) {}

    record AnswerDates(String document, String collected, String reported) {}

    private final ChatModel model;
    private final ResponseFormat format;
    private final JsonMapper json;
    private final Validator validator;

    LlmExtractor(@Value("${rx.llm.base-url:}") String baseUrl, @Value("${rx.llm.api-key:}") String apiKey,
                 @Value("${rx.llm.model:}") String modelName, JsonMapper json, Validator validator) {
        boolean configured = !baseUrl.isBlank() && !apiKey.isBlank() && !modelName.isBlank();
        this.model = configured ? OpenAiChatModel.builder().baseUrl(baseUrl).apiKey(apiKey).modelName(modelName)
                .temperature(0.0).timeout(Duration.ofSeconds(20)).maxRetries(1).strictJsonSchema(true).build() : null;
        this.format = ResponseFormat.builder().type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchemas.jsonSchemaFrom(Answer.class).orElseThrow()).build();
        this.json = json;
        this.validator = validator;
    }

    boolean configured() {
        return model != null;
    }

    /** The model's extraction when it gives a valid one; otherwise {@code offline}, with a warning saying why. */
    Extraction extract(DocumentText text, String typeHint, Extraction offline) {
        if (model == null) {
            return offline;
        }
        try {
            String hint = typeHint == null ? "" : "\nThe uploader says the document is a " + typeHint + ".";
            String answer = model.chat(ChatRequest.builder().responseFormat(format)
                    .messages(SystemMessage.from(INSTRUCTIONS + hint), UserMessage.from(text.text())).build())
                    .aiMessage().text();
            Extraction extraction = toExtraction(json.readerFor(Answer.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(answer), text);
            if (!validator.validate(extraction).isEmpty()) {
                return offline.withConfidence(offline.confidence(), List.of("llm_answer_invalid"));
            }
            return extraction;
        } catch (RuntimeException e) {
            log.warn("LLM extraction failed ({}); the deterministic result is kept", e.getClass().getSimpleName());
            return offline.withConfidence(offline.confidence(), List.of("llm_answer_unusable"));
        }
    }

    private static Extraction toExtraction(Answer a, DocumentText text) {
        String type = a.documentType() == null ? "unknown" : a.documentType();
        Person p = a.patient() == null ? new Person(null, null, null) : a.patient();
        AnswerDates d = a.dates() == null ? new AnswerDates(null, null, null) : a.dates();
        Extraction.Patient patient = new Extraction.Patient(p.name(), date(p.dateOfBirth()), p.mrn());
        Extraction.Dates dates = new Extraction.Dates(date(d.document()), date(d.collected()), date(d.reported()));
        List<Extraction.LabResult> labs = a.labResults() == null ? List.of() : a.labResults();
        Map<String, Object> expected = ExpectedFields.of(type, patient, dates, labs,
                a.referral() == null ? new Extraction.Referral(null, null, null, null) : a.referral(),
                a.prescription() == null ? new Extraction.Prescription(null, null, null, null, null, null) : a.prescription());
        double sure = a.confidence() == null ? 0.5 : Math.max(0, Math.min(1, a.confidence()));
        Map<String, Double> fields = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>(a.warnings() == null ? List.of() : a.warnings());
        expected.forEach((field, value) -> {
            fields.put(field, value == null ? 0.0 : sure);
            if (value == null) {
                warnings.add("missing:" + field);
            }
        });
        long found = expected.values().stream().filter(v -> v != null).count();
        double completeness = expected.isEmpty() ? 0 : (double) found / expected.size();
        double confidence = Math.round(sure * completeness * text.readConfidence() * 1000) / 1000.0;
        return new Extraction(type, confidence, patient, dates, labs, a.referral(), a.prescription(), fields, warnings, "llm");
    }

    private static LocalDate date(String iso) {
        return iso == null || iso.isBlank() ? null : LocalDate.parse(iso);
    }
}
