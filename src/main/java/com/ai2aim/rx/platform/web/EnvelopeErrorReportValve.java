package com.ai2aim.rx.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.UUID;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat refuses some requests before any filter or servlet sees them (an encoded NUL or slash in the path, a path
 * that climbs above the root, a character not allowed in a query) and renders those refusals with its error report
 * valve, as an HTML page. This valve renders them as the envelope instead, so every response has the same shape.
 * Errors raised inside the application never get here: the /error page has already written them. Public because
 * Tomcat names its error report valve by class.
 */
public class EnvelopeErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public EnvelopeErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ErrorCode code = ErrorEnvelopeController.codeFor(status);
        String requestId = UUID.randomUUID().toString();
        RequestContext.set(new RequestContext.Info(requestId, request.getRemoteAddr(), null));
        try {
            String message = code == ErrorCode.INTERNAL_ERROR ? "An unexpected error occurred" : "Request failed";
            String body = JSON.writeValueAsString(ApiResponse.failure(ApiError.of(code, message)));
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader(RequestIdFilter.HEADER, requestId);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response was committed meanwhile: nothing left to tell the client.
        } finally {
            RequestContext.clear();
        }
    }
}
