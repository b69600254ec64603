package com.ai2aim.rx.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes the error envelope from places outside Spring MVC: servlet filters and security handlers. */
@Component
public class ErrorResponseWriter {

    private final JsonMapper json;

    ErrorResponseWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, ErrorCode code, String message) throws IOException {
        write(response, ApiError.of(code, message), code);
    }

    public void write(HttpServletResponse response, ApiError error, ErrorCode code) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        Object body = GoTrueErrors.applies() ? GoTrueErrors.body(code, error) : ApiResponse.failure(error);
        json.writeValue(response.getOutputStream(), body);
    }
}
