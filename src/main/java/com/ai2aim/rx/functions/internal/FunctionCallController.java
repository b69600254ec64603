package com.ai2aim.rx.functions.internal;

import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The status URL of an asynchronous call. Row-level security shows a call to its caller and their organisation's admins. */
@Tag(name = "Functions", description = "Server-side functions, callable with supabase.functions.invoke")
@RestController
class FunctionCallController {

    private final FunctionCalls calls;
    private final AuditTrail audit;
    private final TransactionTemplate readOnly;

    FunctionCallController(FunctionCalls calls, AuditTrail audit, PlatformTransactionManager transactionManager) {
        this.calls = calls;
        this.audit = audit;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    @Operation(summary = "The status and result of an asynchronous function call",
            description = "queued, running, succeeded (with the function's output) or failed (with the error the "
                    + "synchronous call would have returned). 404 for a call that is not yours.")
    @GetMapping("/api/functions/calls/{id}")
    ApiResponse<FunctionCallView> call(@PathVariable UUID id) {
        FunctionCallView call = readOnly.execute(status -> calls.find(id)).orElseThrow(() -> ApiException.notFound("Function call"));
        if (call.output() != null) {
            // The output may describe a patient (that is why the table is under RLS): reading it is recorded.
            audit.recordAccess(AuditEntry.of("function.call.read", "function_call", id)
                    .withDetails(java.util.Map.of("function", call.function())));
        }
        return ApiResponse.ok(call);
    }
}
