package com.ai2aim.rx.platform.web;

import org.springframework.http.ResponseEntity;

/**
 * Optimistic concurrency for PUT: a resource's version is its strong ETag, and an {@code If-Match} that names an
 * older version is refused with 412 so a client cannot overwrite a change it has not seen.
 */
public final class ETags {

    private ETags() {}

    public static String of(int version) {
        return "\"" + version + "\"";
    }

    public static <T> ResponseEntity<ApiResponse<T>> ok(T body, int version) {
        return ResponseEntity.ok().eTag(of(version)).body(ApiResponse.ok(body));
    }

    /** The version the client expects, or null when it sent no If-Match (or {@code *}). */
    public static Integer expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        if (!tag.matches("\\d{1,9}")) {
            throw new ApiException(ErrorCode.PRECONDITION_FAILED, "If-Match does not name a current version");
        }
        return Integer.parseInt(tag);
    }

    public static ApiException stale() {
        return new ApiException(ErrorCode.PRECONDITION_FAILED, "The resource has changed since you read it; fetch it again");
    }
}
