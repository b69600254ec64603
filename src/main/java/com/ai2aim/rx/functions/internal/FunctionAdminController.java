package com.ai2aim.rx.functions.internal;

import com.ai2aim.rx.functions.RxFunction;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ApiResponse;
import com.ai2aim.rx.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Functions", description = "Server-side functions, callable with supabase.functions.invoke")
@RestController
@RequestMapping("/api/functions")
@PreAuthorize("hasRole('ADMIN')")
class FunctionAdminController {

    private final FunctionRegistry registry;
    private final FunctionMetrics metrics;
    private final InvocationLog invocations;
    private final FunctionRateLimits limits;

    FunctionAdminController(FunctionRegistry registry, FunctionMetrics metrics, InvocationLog invocations,
                            FunctionRateLimits limits) {
        this.limits = limits;
        this.registry = registry;
        this.metrics = metrics;
        this.invocations = invocations;
    }

    @Operation(summary = "List functions with their figures (admin)", description = "Invocations and errors since this "
            + "copy of the service started; p50/p95/p99 (ms) of successful invocations over a sliding window of about "
            + "the last two minutes (Micrometer's decaying percentiles; Prometheus has the full histogram); the first "
            + "call's duration after start; each caller's calls per minute.")
    @GetMapping
    ApiResponse<List<FunctionView>> list() {
        return ApiResponse.ok(registry.all().stream().map(this::view).toList());
    }

    @Operation(summary = "A function's invocation log (admin)", description = "Newest first. Sort: startedAt, durationMs, status. "
            + "Organisation admins see their organisation's callers; a global admin sees all.")
    @GetMapping("/{name}/invocations")
    ApiResponse<List<InvocationView>> invocations(@PathVariable String name, @RequestParam(required = false) String page,
                                                  @RequestParam(required = false) String limit,
                                                  @RequestParam(required = false) String sort) {
        if (registry.find(name).isEmpty()) {
            throw ApiException.notFound("Function");
        }
        PageQuery paging = PageQuery.of(page, limit, sort, InvocationLog.SORTABLE, "started_at desc, id");
        return ApiResponse.page(invocations.page(name, paging));
    }

    private FunctionView view(RxFunction<?, ?> function) {
        FunctionMetrics.Figures figures = metrics.figures(function.name());
        return new FunctionView(function.name(), function.allowedRoles().stream().map(r -> r.value()).sorted().toList(),
                function.timeout().toMillis(), figures.invocations(), figures.errors(), figures.p50Ms(), figures.p95Ms(),
                figures.p99Ms(), metrics.firstCallMs(function.name()), limits.perMinute(function));
    }
}
