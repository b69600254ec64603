package com.ai2aim.rx.ops.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a backup covers and how a table's rows are compared: every table of the public schema except Flyway's
 * history (a restore rebuilds the schema by migrating), and a hash of the first rows by primary key.
 */
final class TableCatalog {

    static final int SAMPLE_ROWS = 100;

    private static final String TABLES = """
            select c.relname
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
               and c.relname <> 'rx_schema_history'
             order by c.relname
            """;

    private static final String COLUMNS = """
            select a.attname from pg_attribute a
             where a.attrelid = ('public.' || quote_ident(?))::regclass and a.attnum > 0 and not a.attisdropped
               and a.attgenerated = ''
             order by a.attnum
            """;

    private static final String PRIMARY_KEY = """
            select a.attname from pg_index i
              join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
             where i.indrelid = ('public.' || quote_ident(?))::regclass and i.indisprimary
             order by array_position(i.indkey::int[], a.attnum::int)
            """;

    private static final String SEQUENCES = """
            select quote_ident(schemaname) || '.' || quote_ident(sequencename), last_value
              from pg_sequences where schemaname = 'public' order by 1
            """;

    private TableCatalog() {}

    static List<String> tables(Connection c) throws SQLException {
        return strings(c, TABLES, null);
    }

    static List<String> columns(Connection c, String table) throws SQLException {
        return strings(c, COLUMNS, table);
    }

    static List<String> primaryKey(Connection c, String table) throws SQLException {
        return strings(c, PRIMARY_KEY, table);
    }

    static List<BackupManifest.SequenceEntry> sequences(Connection c) throws SQLException {
        List<BackupManifest.SequenceEntry> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SEQUENCES); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Long value = rs.getObject(2, Long.class);
                out.add(new BackupManifest.SequenceEntry(rs.getString(1), value, value != null));
            }
        }
        return out;
    }

    static long count(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select count(*) from public." + quote(table)); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** md5 of the first {@link #SAMPLE_ROWS} rows' text, by primary key (by every column when there is none). */
    static String sampleHash(Connection c, String table, List<String> columns, List<String> primaryKey) throws SQLException {
        String cols = String.join(", ", columns.stream().map(TableCatalog::quote).toList());
        String order = primaryKey.isEmpty() ? cols : String.join(", ", primaryKey.stream().map(TableCatalog::quote).toList());
        String sql = "select md5(coalesce(string_agg(s::text, chr(10) order by n), '')) from (select row_number() over () n, x.* from "
                + "(select " + cols + " from public." + quote(table) + " order by " + order + " limit " + SAMPLE_ROWS + ") x) s";
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String columnList(List<String> columns) {
        return "(" + String.join(", ", columns.stream().map(TableCatalog::quote).toList()) + ")";
    }

    private static List<String> strings(Connection c, String sql, String parameter) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
