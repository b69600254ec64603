package com.ai2aim.rx.jobs.internal;

import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ApiResponse;
import com.ai2aim.rx.platform.web.ErrorCode;
import com.ai2aim.rx.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Jobs", description = "Scheduled jobs: schedules, run history, manual and dry runs, pause and resume")
@RestController
@RequestMapping("/api/jobs")
@PreAuthorize("hasRole('ADMIN')")
class JobAdminController {

    private final JobAdmin jobs;

    JobAdminController(JobAdmin jobs) {
        this.jobs = jobs;
    }

    @Operation(summary = "List jobs (admin)", description = "Schedule (cron, in RX_TIMEZONE), next run, last run and its "
            + "status, last success, success rate and mean duration (ms) over the kept history, and whether it is paused.")
    @GetMapping
    ApiResponse<List<JobView>> list() {
        return ApiResponse.ok(jobs.list());
    }

    @Operation(summary = "A job's run history (admin)", description = "One row per attempt, newest first. Sort: "
            + "scheduledFor, startedAt, status.")
    @GetMapping("/{name}/runs")
    ApiResponse<List<RunView>> runs(@PathVariable String name, @RequestParam(required = false) String page,
                                    @RequestParam(required = false) String limit,
                                    @RequestParam(required = false) String sort) {
        PageQuery paging = PageQuery.of(page, limit, sort, RunHistory.SORTABLE, "scheduled_for desc, id");
        return ApiResponse.page(jobs.runs(name, paging));
    }

    @Operation(summary = "One run of a job (admin)")
    @GetMapping("/{name}/runs/{id}")
    ApiResponse<RunView> run(@PathVariable String name, @PathVariable UUID id) {
        return ApiResponse.ok(jobs.run(name, id));
    }

    @Operation(summary = "Run a job now (global admin)", description = "Queues a run on the cluster-safe scheduler and "
            + "waits up to rx.jobs.manual-wait for it: 200 with the finished run, or 202 with the run still queued or "
            + "running (poll Location). With dryRun=true the job reports in details what it would do and changes nothing. "
            + "A run that finds the job already running ends as skipped with JOB_ALREADY_RUNNING.")
    @PostMapping("/{name}/run")
    ResponseEntity<ApiResponse<RunView>> start(@PathVariable String name, @RequestParam(required = false) String dryRun) {
        requireGlobalAdmin();
        RunView run = jobs.start(name, parseFlag(dryRun));
        return ResponseEntity.status(run.finished() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .location(URI.create("/api/jobs/" + name + "/runs/" + run.id()))
                .body(ApiResponse.ok(run));
    }

    @Operation(summary = "Pause a job (global admin)", description = "Scheduled runs are passed over until it is resumed; "
            + "manual runs still work. Idempotent.")
    @PostMapping("/{name}/pause")
    ApiResponse<JobView> pause(@PathVariable String name) {
        requireGlobalAdmin();
        jobs.setPaused(name, true);
        return ApiResponse.ok(view(name));
    }

    @Operation(summary = "Resume a paused job (global admin)", description = "Idempotent.")
    @PostMapping("/{name}/resume")
    ApiResponse<JobView> resume(@PathVariable String name) {
        requireGlobalAdmin();
        jobs.setPaused(name, false);
        return ApiResponse.ok(view(name));
    }

    private JobView view(String name) {
        return jobs.list().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow(() -> ApiException.notFound("Job"));
    }

    private static void requireGlobalAdmin() {
        if (!Actors.required().isGlobalAdmin()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only a global admin may run, pause or resume jobs");
        }
    }

    static boolean parseFlag(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ApiException.invalid("dryRun", "must be true or false");
    }
}
