package com.ai2aim.rx.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * On {@code /auth/v1} an error is the envelope plus GoTrue's own fields ({@code code}, {@code error_code},
 * {@code msg}), so supabase-js shows a readable {@code error.message} and a switchable {@code error.code}.
 */
final class GoTrueErrors {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(boolean success, ApiError error, ApiResponse.Meta meta, int code,
                @JsonProperty("error_code") String errorCode, String msg) {}

    private GoTrueErrors() {}

    static boolean applies() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRequestURI().startsWith("/auth/v1/");
        }
        return false;
    }

    static Body body(ErrorCode code, ApiError error) {
        String goTrueCode = code == ErrorCode.VALIDATION_ERROR ? "validation_failed" : code.name().toLowerCase();
        return new Body(false, error, ApiResponse.Meta.now(), code.status().value(), goTrueCode, error.message());
    }
}
