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
import org.springframework.web.bind.annotation.RequestHeader;
import java.net.URI;
import java.util.UUID;
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

    /** What a 202 says: where to ask for the result. */
    record Accepted(UUID callId, String function, String status, String statusUrl) {}

    @Operation(summary = "Invoke a function", description = "The body is the function's input record; the response is "
            + "the function's JSON output, not the envelope. 404 unknown function, 403 role not allowed, 400 bad input, "
            + "429 RATE_LIMITED (per caller and function), 504 FUNCTION_TIMEOUT. With `Prefer: respond-async` the call is "
            + "checked, queued and answered 202 with a status URL (GET /api/functions/calls/{id}). GET /api/functions "
            + "lists the functions.")
    @PostMapping(path = "/functions/v1/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> invoke(@PathVariable String name, @RequestBody(required = false) JsonNode body,
                                  @RequestHeader(name = "Prefer", required = false) String prefer,
                                  HttpServletRequest request) {
        if (prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async")) {
            UUID id = invoker.queue(name, body, new ServletServerHttpRequest(request));
            String statusUrl = "/api/functions/calls/" + id;
            return ResponseEntity.accepted().location(URI.create(statusUrl)).header("Preference-Applied", "respond-async")
                    .body(new Accepted(id, name, "queued", statusUrl));
        }
        Object output = invoker.invoke(name, body, new ServletServerHttpRequest(request));
        return output == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(output);
    }
}
