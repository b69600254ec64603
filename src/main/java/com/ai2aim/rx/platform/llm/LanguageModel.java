package com.ai2aim.rx.platform.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The optional large language model: any OpenAI-compatible chat endpoint named by {@code RX_LLM_BASE_URL},
 * {@code RX_LLM_API_KEY} and {@code RX_LLM_MODEL}, through LangChain4j. When they are not all set there is no model
 * and callers decide by their rules alone. LangChain4j's own retries are off: a caller that wants a retry says so,
 * and a clinical check must not silently take three times its timeout.
 */
@Component
public class LanguageModel {

    private final ChatModel model;
    private final String modelName;

    LanguageModel(@Value("${rx.llm.base-url:}") String baseUrl, @Value("${rx.llm.api-key:}") String apiKey,
                  @Value("${rx.llm.model:}") String modelName, @Value("${rx.llm.timeout:20s}") Duration timeout) {
        this.modelName = modelName;
        this.model = baseUrl.isBlank() || apiKey.isBlank() || modelName.isBlank() ? null
                : OpenAiChatModel.builder().baseUrl(baseUrl).apiKey(apiKey).modelName(modelName)
                        .timeout(timeout).maxRetries(0).temperature(0.0).strictJsonSchema(true)
                        .logRequests(false).logResponses(false).build();
    }

    /** The configured chat model, if any. */
    public Optional<ChatModel> chat() {
        return Optional.ofNullable(model);
    }

    /** The model's name as configured (stored with results it contributed to); empty when none is configured. */
    public String name() {
        return model == null ? "" : modelName;
    }
}
