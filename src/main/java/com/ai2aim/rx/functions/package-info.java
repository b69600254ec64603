/**
 * Functions: the runtime behind {@code POST /functions/v1/{name}}, Supabase's edge-function route, callable with
 * {@code supabase.functions.invoke}. A function is a bean implementing {@link com.ai2aim.rx.functions.RxFunction} in
 * the module that owns its data; this module only finds, authorises, validates, times, retries and records it. Owns
 * the {@code function_invocations} log (no payloads) and the {@code rx.function.invocations} timer, and serves both
 * to admins at {@code /api/functions}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit"})
package com.ai2aim.rx.functions;
