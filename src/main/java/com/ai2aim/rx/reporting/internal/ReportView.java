package com.ai2aim.rx.reporting.internal;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A stored report as the API shows it; {@code summary} (the figures) only on the single-report read. */
record ReportView(UUID id, String kind, Instant periodStart, Instant periodEnd, Instant createdAt, String status,
                  JsonNode summary) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static JsonNode summaryOf(String json) {
        return json == null ? null : JSON.readTree(json);
    }
}
