package com.ai2aim.rx.platform.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A liveness probe that touches neither auth nor the database; the benchmark's baseline (H). */
@Tag(name = "Platform")
@RestController
class PingController {

    @Operation(summary = "Answers pong without authentication or database work")
    @GetMapping("/ping")
    ApiResponse<String> ping() {
        return ApiResponse.ok("pong");
    }
}
