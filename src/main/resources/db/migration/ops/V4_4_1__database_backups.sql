-- One row per logical backup file under RX_BACKUP_DIR: what it holds (schema version, tables, rows), its checksum,
-- and the outcome of the last restore check. Rows of backups removed by retention are deleted with their files.
create table database_backups (
    id             uuid        primary key default gen_random_uuid(),
    file_name      text        not null unique,
    format         text        not null check (format in ('rx-copy-csv-v1')),
    created_at     timestamptz not null,
    size_bytes     bigint      not null,
    sha256         bytea       not null,
    schema_version text        not null,
    table_count    int         not null,
    row_count      bigint      not null,
    status         text        not null default 'written' check (status in ('written', 'verified', 'failed')),
    verified_at    timestamptz,
    verification   jsonb       -- the restore check's findings: tables compared, mismatches (names and counts only)
);
create index database_backups_created on database_backups (created_at desc);

-- Operational metadata, no PHI; only the service reads and writes it.
alter table database_backups enable row level security;
grant select, insert, update, delete on database_backups to service_role;
