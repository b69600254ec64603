package com.ai2aim.rx.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The error object of the envelope: a stable code, a human message and optional per-field details. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String code, String message, List<FieldDetail> details) {

    public record FieldDetail(String field, String message) {}

    public static ApiError of(ErrorCode code, String message) {
        return new ApiError(code.name(), message, List.of());
    }
}
