package com.ai2aim.rx.ops.internal;

import java.util.List;

/**
 * The last entry of a backup file: what it holds, so a restore can rebuild the schema (by migrating an empty database
 * to {@code schemaVersion}) and check the data (row counts and a hash of the first rows by primary key).
 */
record BackupManifest(String format, String createdAt, String schemaVersion, String serverVersion,
                      List<TableEntry> tables, List<SequenceEntry> sequences) {

    static final String FORMAT = "rx-copy-csv-v1";
    static final String ENTRY = "manifest.json";

    /** One table: its columns in copy order, its rows, and the sample hash. */
    record TableEntry(String name, List<String> columns, List<String> primaryKey, long rows, String sampleHash) {
        String entry() {
            return "data/" + name + ".csv";
        }
    }

    record SequenceEntry(String name, Long lastValue, boolean called) {}

    long rowCount() {
        return tables.stream().mapToLong(TableEntry::rows).sum();
    }
}
