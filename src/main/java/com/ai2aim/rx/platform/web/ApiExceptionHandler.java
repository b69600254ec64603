package com.ai2aim.rx.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception that reaches the web layer into the envelope with a stable code. Client mistakes get a
 * message that names the field; anything unexpected becomes a bare INTERNAL_ERROR whose details go only to the log
 * (by request id, never with request data).
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiResponse<Void>> api(ApiException e) {
        ResponseEntity<ApiResponse<Void>> response = respond(e.code(), e.toError());
        if (e.retryAfterSeconds() > 0) {
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .header("Retry-After", Long.toString(e.retryAfterSeconds())).body(response.getBody());
        }
        return response;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiResponse<Void>> unreadable(HttpMessageNotReadableException e) {
        if (causedByOversizedBody(e)) {
            return respond(ErrorCode.PAYLOAD_TOO_LARGE, ApiError.of(ErrorCode.PAYLOAD_TOO_LARGE, "Request body is too large"));
        }
        return respond(ErrorCode.VALIDATION_ERROR, JsonProblems.describe(e));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiResponse<Void>> invalid(MethodArgumentNotValidException e) {
        List<ApiError.FieldDetail> details = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiError.FieldDetail(f.getField(), f.getDefaultMessage()))
                .toList();
        return respond(ErrorCode.VALIDATION_ERROR, new ApiError(ErrorCode.VALIDATION_ERROR.name(), "Request validation failed", details));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiResponse<Void>> invalidParameters(HandlerMethodValidationException e) {
        List<ApiError.FieldDetail> details = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new ApiError.FieldDetail(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return respond(ErrorCode.VALIDATION_ERROR, new ApiError(ErrorCode.VALIDATION_ERROR.name(), "Request validation failed", details));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiResponse<Void>> violations(ConstraintViolationException e) {
        List<ApiError.FieldDetail> details = e.getConstraintViolations().stream()
                .map(v -> new ApiError.FieldDetail(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
        return respond(ErrorCode.VALIDATION_ERROR, new ApiError(ErrorCode.VALIDATION_ERROR.name(), "Request validation failed", details));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiResponse<Void>> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "a valid value" : "a valid " + e.getRequiredType().getSimpleName();
        return respond(ErrorCode.VALIDATION_ERROR, ApiException.invalid(e.getName(), "must be " + expected).toError());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiResponse<Void>> missingParameter(MissingServletRequestParameterException e) {
        return respond(ErrorCode.VALIDATION_ERROR, ApiException.invalid(e.getParameterName(), "is required").toError());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiResponse<Void>> missingHeader(MissingRequestHeaderException e) {
        return respond(ErrorCode.VALIDATION_ERROR, ApiException.invalid(e.getHeaderName(), "header is required").toError());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiResponse<Void>> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(ErrorCode.UNSUPPORTED_MEDIA_TYPE, ApiError.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content type not supported; send application/json"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiResponse<Void>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(ErrorCode.NOT_ACCEPTABLE, ApiError.of(ErrorCode.NOT_ACCEPTABLE, "Cannot produce the requested media type"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiResponse<Void>> method(HttpRequestMethodNotSupportedException e) {
        return respond(ErrorCode.METHOD_NOT_ALLOWED, ApiError.of(ErrorCode.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not allowed here"));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ApiResponse<Void>> noRoute(Exception e) {
        return respond(ErrorCode.NOT_FOUND, ApiError.of(ErrorCode.NOT_FOUND, "No such route"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiResponse<Void>> tooLarge(MaxUploadSizeExceededException e) {
        return respond(ErrorCode.PAYLOAD_TOO_LARGE, ApiError.of(ErrorCode.PAYLOAD_TOO_LARGE, "Request body is too large"));
    }

    /** Tomcat refuses to decode a query string or form body with a broken %-escape or a nameless parameter. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ApiResponse<Void>> malformedParameters(InvalidParameterException e) {
        return respond(ErrorCode.MALFORMED_REQUEST, ApiError.of(ErrorCode.MALFORMED_REQUEST, "Malformed query string or form parameters"));
    }

    /** The multipart resolver parses every multipart request up front, before any handler is chosen. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiResponse<Void>> malformedMultipart(MultipartException e) {
        return respond(ErrorCode.MALFORMED_REQUEST, ApiError.of(ErrorCode.MALFORMED_REQUEST, "Malformed multipart request"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiResponse<Void>> denied(AccessDeniedException e) {
        return respond(ErrorCode.FORBIDDEN, ApiError.of(ErrorCode.FORBIDDEN, "You are not allowed to do this"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ApiResponse<Void>> unauthenticated(AuthenticationException e) {
        return respond(ErrorCode.UNAUTHORIZED, ApiError.of(ErrorCode.UNAUTHORIZED, "Authentication required"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ApiResponse<Void>> integrity(DataIntegrityViolationException e) {
        if (isDataException(e)) {
            // SQLSTATE class 22: the value itself is unstorable (a NUL character in text, say), not a clash with other data.
            return respond(ErrorCode.VALIDATION_ERROR, ApiError.of(ErrorCode.VALIDATION_ERROR, "A value in the request cannot be stored as given"));
        }
        if ("23503".equals(sqlState(e))) {
            // A foreign key names a row that does not exist: the request refers to nothing, it does not clash.
            return respond(ErrorCode.VALIDATION_ERROR, ApiError.of(ErrorCode.VALIDATION_ERROR, "The request refers to a record that does not exist"));
        }
        log.warn("data integrity violation: {}", e.getClass().getSimpleName());
        return respond(ErrorCode.CONFLICT, ApiError.of(ErrorCode.CONFLICT, "The change conflicts with existing data"));
    }

    @ExceptionHandler({TransientDataAccessException.class, QueryTimeoutException.class})
    ResponseEntity<ApiResponse<Void>> transientFailure(Exception e) {
        log.warn("transient database failure: {}", e.getClass().getSimpleName());
        return respond(ErrorCode.SERVICE_UNAVAILABLE, ApiError.of(ErrorCode.SERVICE_UNAVAILABLE, "Temporarily unavailable; retry shortly"));
    }

    /**
     * The client went away while the response was being written (a closed tab, a load generator stopping): nothing
     * is wrong with the service and there is nobody to answer, so no error log and no body.
     */
    @ExceptionHandler({org.apache.catalina.connector.ClientAbortException.class,
            org.springframework.web.context.request.async.AsyncRequestNotUsableException.class})
    void clientGone(Exception e) {
        log.debug("client closed the connection: {}", e.getClass().getSimpleName());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiResponse<Void>> unexpected(Exception e) {
        log.error("unhandled {}", e.getClass().getName(), e);
        return respond(ErrorCode.INTERNAL_ERROR, ApiError.of(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred"));
    }

    private static boolean isDataException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static boolean causedByOversizedBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimitFilter.BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static ResponseEntity<ApiResponse<Void>> respond(ErrorCode code, ApiError error) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(code.status());
        if (GoTrueErrors.applies()) {
            return (ResponseEntity<ApiResponse<Void>>) (ResponseEntity<?>) builder.body(GoTrueErrors.body(code, error));
        }
        return builder.body(ApiResponse.failure(error));
    }
}
