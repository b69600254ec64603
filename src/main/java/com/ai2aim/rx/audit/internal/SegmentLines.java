package com.ai2aim.rx.audit.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads fields out of a segment line ({@code row_to_json} of an {@code audit_log} row). */
final class SegmentLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SegmentLines() {}

    /** The record's hash as lower-case hex (PostgreSQL writes bytea into JSON as {@code \x…}). */
    static String hashOf(String line) {
        if (line == null) {
            return "";
        }
        JsonNode node = JSON.readTree(line);
        String text = node.path("hash").asString();
        return text.startsWith("\\x") ? text.substring(2) : text;
    }
}
