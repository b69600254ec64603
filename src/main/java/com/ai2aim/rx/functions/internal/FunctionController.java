package com.ai2aim.rx.functions.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Supabase's edge-function route. Success returns the function's own JSON (as Supabase does); errors the envelope. */
@Tag(name = "Functions", description = "Server-side functions, callable with supabase.functions.invoke")
@RestController
class FunctionController {

    private final FunctionInvoker invoker;

    FunctionController(FunctionInvoker invoker) {
        this.invoker = invoker;
    }

    @Operation(summary = "Invoke a function", description = "The body is the function's input record; the response is "
            + "the function's JSON output, not the envelope. 404 unknown function, 403 role not allowed, 400 bad input, "
            + "504 FUNCTION_TIMEOUT. GET /api/functions lists the functions.")
    @PostMapping(path = "/functions/v1/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> invoke(@PathVariable String name, @RequestBody(required = false) JsonNode body,
                                  HttpServletRequest request) {
        Object output = invoker.invoke(name, body, new ServletServerHttpRequest(request));
        return output == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(output);
    }
}
