package com.ai2aim.rx.reporting;

import java.util.UUID;

/** A report was generated and stored; admins may be told (the notifications module emails them). Ids only. */
public record ReportReady(UUID reportId, String kind) {}
