package com.ai2aim.rx.functions.internal;

import java.util.UUID;

/** An asynchronous call was queued; its worker runs it. Id only (the input stays in the table, under RLS). */
public record FunctionCallQueued(UUID callId) {}
