package com.ai2aim.rx.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The plan's response envelope: {@code {success, data, meta, pagination?}} on success and
 * {@code {success:false, error, meta}} on failure. Every HTTP response of the service has this shape.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(boolean success, T data, ApiError error, Meta meta, Pagination pagination) {

    public record Meta(Instant timestamp, String requestId) {
        public static Meta now() {
            return new Meta(Instant.now(), RequestContext.requestId());
        }
    }

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, data, null, Meta.now(), null);
    }

    public static <T> ApiResponse<List<T>> page(PageResult<T> page) {
        return new ApiResponse<>(true, page.items(), null, Meta.now(), page.pagination());
    }

    public static ApiResponse<Void> failure(ApiError error) {
        return new ApiResponse<>(false, null, error, Meta.now(), null);
    }
}
