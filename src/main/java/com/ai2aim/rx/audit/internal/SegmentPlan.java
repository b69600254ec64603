package com.ai2aim.rx.audit.internal;

/** A written segment: its range, the hashes of its first and last record (hex) and the file as written. */
record SegmentPlan(long firstSeq, long lastSeq, long count, String firstHashHex, String lastHashHex,
                   SegmentFiles.Written file) {}
