package com.ai2aim.rx.platform.web;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Explains an unreadable JSON body in client terms: which field, and what was wrong, without echoing values. */
final class JsonProblems {

    private JsonProblems() {}

    static ApiError describe(HttpMessageNotReadableException e) {
        Throwable cause = jacksonCause(e);
        String code = ErrorCode.VALIDATION_ERROR.name();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return new ApiError(code, "Unknown field '" + field + "'", List.of(new ApiError.FieldDetail(field, "unknown field")));
        }
        if (cause instanceof InvalidNullException nullValue) {
            String field = path(nullValue);
            return new ApiError(code, "Field '" + field + "' must not be null", List.of(new ApiError.FieldDetail(field, "must not be null")));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            String expected = mismatch.getTargetType() == null ? "another type" : typeName(mismatch.getTargetType());
            return new ApiError(code, "Field '" + field + "' has the wrong type",
                    List.of(new ApiError.FieldDetail(field, "must be " + expected)));
        }
        if (cause instanceof StreamReadException || cause instanceof JacksonException) {
            return new ApiError(code, "Malformed JSON body", List.of());
        }
        return new ApiError(code, "Request body is missing or unreadable", List.of());
    }

    /**
     * The Jackson exception that knows the field: a value Jackson could not convert (an impossible date such as
     * 1980-02-30) has the JDK's parse error as its root cause, which names no field.
     */
    private static Throwable jacksonCause(HttpMessageNotReadableException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof MismatchedInputException) {
                return t;
            }
        }
        return e.getMostSpecificCause();
    }

    private static String path(JacksonException e) {
        String path = fullPath(e);
        // Echo enough of a hostile field name to recognise it, not a 50 kB one.
        return path.length() > 64 ? path.substring(0, 64) + "…" : path;
    }

    private static String fullPath(JacksonException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String typeName(Class<?> type) {
        if (type == String.class) return "a string";
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) return "a number";
        if (type == Boolean.class || type == boolean.class) return "a boolean";
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return "an array";
        if (type.isEnum()) return "one of the allowed values";
        if (type == java.util.UUID.class) return "a UUID";
        return "an object";
    }
}
