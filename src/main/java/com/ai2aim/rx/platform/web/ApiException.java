package com.ai2aim.rx.platform.web;

import java.util.List;

/**
 * A failure a client caused or may act upon. Its message is shown to the client, so it must never hold PHI or
 * internal details; the code decides the HTTP status.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final transient List<ApiError.FieldDetail> details;
    private long retryAfterSeconds;

    public ApiException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public ApiException(ErrorCode code, String message, List<ApiError.FieldDetail> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = List.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public ApiError toError() {
        return new ApiError(code.name(), getMessage(), details);
    }

    /** 429 with a {@code Retry-After} header. */
    public static ApiException rateLimited(long retryAfterSeconds) {
        ApiException e = new ApiException(ErrorCode.RATE_LIMITED, "Too many requests; retry after " + retryAfterSeconds + " s");
        e.retryAfterSeconds = retryAfterSeconds;
        return e;
    }

    /** Seconds the client should wait before retrying; 0 when the failure says nothing about waiting. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiException notFound(String resource) {
        return new ApiException(ErrorCode.NOT_FOUND, resource + " not found");
    }

    public static ApiException forbidden() {
        return new ApiException(ErrorCode.FORBIDDEN, "You are not allowed to do this");
    }

    public static ApiException conflict(String message) {
        return new ApiException(ErrorCode.CONFLICT, message);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, "Request validation failed",
                List.of(new ApiError.FieldDetail(field, message)));
    }
}
