package com.ai2aim.rx.prescriptions.internal;

import com.ai2aim.rx.platform.llm.LanguageModel;
import com.ai2aim.rx.prescriptions.internal.verification.Finding;
import com.ai2aim.rx.prescriptions.internal.verification.FindingSeverity;
import com.ai2aim.rx.prescriptions.internal.verification.Therapy;
import com.ai2aim.rx.prescriptions.internal.verification.VerificationInput;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the configured language model to review a prescription from de-identified facts (age in years capped at 90,
 * allergy substances and classes, ICD-10 codes, products and quantities, the rules' finding codes; never names,
 * dates of birth, identifiers or free text). Only output that matches {@link #SCHEMA} is accepted, and a model can
 * only add information or warnings: it can neither raise a hard stop nor clear one. Any failure of the model (down,
 * slow, malformed) becomes an info finding and the rules alone decide.
 */
@Component
class ModelReview {

    static final String POLICY = "modelReview";
    private static final Logger log = LoggerFactory.getLogger(ModelReview.class);
    private static final String INSTRUCTIONS = """
            You are a clinical pharmacist reviewing a new prescription. You receive de-identified facts as JSON and the
            findings of rule-based checks that already ran. Report only additional clinically relevant concerns that the
            rules did not already report. Use severity "warning" for concerns a pharmacist must review and "info" for
            notes. Codes are UPPER_SNAKE_CASE. Messages are one short English sentence and never mention the patient.
            Answer with JSON that matches the schema and nothing else; an empty findings list is a valid answer.""";
    static final JsonSchema SCHEMA = JsonSchema.builder().name("prescription_review").rootElement(JsonObjectSchema.builder()
            .addProperty("findings", JsonArraySchema.builder().items(JsonObjectSchema.builder()
                    .addEnumProperty("severity", List.of("info", "warning"))
                    .addStringProperty("code")
                    .addStringProperty("message")
                    .required("severity", "code", "message").additionalProperties(false).build()).build())
            .addStringProperty("summary")
            .required("findings", "summary").additionalProperties(false).build()).build();

    /** The model's answer as the schema allows it; anything else is refused. */
    record Answer(@NotNull @Size(max = 10) List<@Valid @NotNull ModelFinding> findings, @NotNull @Size(max = 500) String summary) {}

    record ModelFinding(@NotNull @Pattern(regexp = "info|warning") String severity,
                        @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{2,48}") String code,
                        @NotBlank @Size(max = 300) String message) {}

    private final LanguageModel model;
    private final Validator validator;
    private final JsonMapper strict;

    ModelReview(LanguageModel model, Validator validator, JsonMapper json) {
        this.model = model;
        this.validator = validator;
        this.strict = json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    boolean enabled() {
        return model.chat().isPresent();
    }

    /** The model's findings (never hard stops), or one info finding saying why there are none. */
    List<Finding> review(VerificationInput input, List<Finding> ruleFindings) {
        Optional<ChatModel> chat = model.chat();
        if (chat.isEmpty()) {
            return List.of();
        }
        String text;
        try {
            text = chat.get().chat(ChatRequest.builder()
                    .messages(SystemMessage.from(INSTRUCTIONS), UserMessage.from(strict.writeValueAsString(facts(input, ruleFindings))))
                    .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(SCHEMA).build())
                    .build()).aiMessage().text();
        } catch (RuntimeException e) {
            log.warn("model review unavailable ({})", e.getClass().getSimpleName());
            return List.of(note("MODEL_REVIEW_UNAVAILABLE", "The model review could not be obtained; the rules alone decided."));
        }
        return accept(text);
    }

    /** Parses and validates the model's text; refuses all of it if any part does not match. */
    List<Finding> accept(String text) {
        Answer answer;
        try {
            answer = text == null ? null : strict.readValue(text, Answer.class);
        } catch (JacksonException e) {
            answer = null;
        }
        if (answer == null || !validator.validate(answer).isEmpty()) {
            log.warn("model review refused: output did not match the schema");
            return List.of(note("MODEL_REVIEW_REJECTED", "The model's answer did not match the expected schema and was ignored."));
        }
        return answer.findings().stream().map(f -> new Finding(POLICY, FindingSeverity.parse(f.severity()),
                "MODEL_" + f.code(), f.message().strip(), Map.of("model", model.name()), "language model review")).toList();
    }

    private Finding note(String code, String message) {
        return new Finding(POLICY, FindingSeverity.INFO, code, message, Map.of("model", model.name()), "language model review");
    }

    /** The de-identified facts the model sees. */
    static Map<String, Object> facts(VerificationInput input, List<Finding> ruleFindings) {
        Map<String, Object> facts = new LinkedHashMap<>();
        int age = Period.between(input.patient().dateOfBirth(), input.today()).getYears();
        facts.put("ageYears", Math.min(age, 90));
        facts.put("allergies", input.patient().allergies().stream().map(a -> compact(
                "substance", a.substance(), "drugClass", a.drugClass(), "severity", a.severity())).toList());
        facts.put("conditionCodes", input.patient().conditions().stream().map(c -> c.icd10Code()).toList());
        facts.put("newPrescription", therapy(input.candidate()));
        facts.put("activeMedications", input.others().stream().map(ModelReview::therapy).toList());
        facts.put("ruleFindings", ruleFindings.stream().map(f -> compact("code", f.code(), "severity", f.severity().value())).toList());
        return facts;
    }

    private static Map<String, Object> therapy(Therapy t) {
        return compact("rxcui", t.medication().rxcui(), "product", t.medication().name(), "strength", t.medication().strength(),
                "doseForm", t.medication().doseForm(), "deaSchedule", t.medication().deaSchedule(),
                "quantity", t.quantity(), "quantityUnit", t.quantityUnit(), "daysSupply", t.daysSupply());
    }

    private static Map<String, Object> compact(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }
}
