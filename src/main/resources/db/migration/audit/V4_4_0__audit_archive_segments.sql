-- Cold storage for the audit trail. Records older than the retention period leave audit_log in segments: a gzip'd
-- JSON-lines file per segment under RX_ARCHIVE_DIR, and one row here per file. The index row and the deletion of the
-- segment's rows commit together (rx.audit_archive_segment), so an index row always means "these rows now live in
-- that file" and a file without an index row is an unfinished segment that the next run removes and writes again.
create table audit_archive_segments (
    first_seq         bigint      primary key,
    last_seq          bigint      not null unique,
    record_count      bigint      not null,
    first_occurred_at timestamptz not null,
    last_occurred_at  timestamptz not null,
    first_prev_hash   bytea       not null,  -- the link to the record before the segment (the previous segment's last)
    first_hash        bytea       not null,
    last_hash         bytea       not null,
    sha256            bytea       not null,  -- of the file's bytes, as written and re-read
    size_bytes        bigint      not null,
    file_name         text        not null unique,
    summary           jsonb       not null,  -- counts by action and by outcome (ids and names only, no PHI)
    archived_at       timestamptz not null default now(),
    check (last_seq >= first_seq and record_count = last_seq - first_seq + 1)
);

alter table audit_archive_segments enable row level security;
create policy audit_archive_read on audit_archive_segments for select to authenticated
    using ((select rx.is_global_admin()));
grant select on audit_archive_segments to authenticated, service_role;

-- Indexes a written segment and removes its rows, in one statement. SECURITY DEFINER because nobody else may delete
-- from audit_log. It refuses unless the segment starts at the oldest live record, links to the previous segment, is
-- contiguous, and its count and first and last hashes match the live rows: only rows that are in a verified file
-- leave the table, and only from the chain's start, so the chain stays provable across archive and live table.
create or replace function rx.audit_archive_segment(p_first bigint, p_last bigint, p_count bigint,
        p_first_hash bytea, p_last_hash bytea, p_sha256 bytea, p_size bigint, p_file text) returns jsonb
    language plpgsql security definer
    set search_path = public, rx, pg_temp
as $$
declare
    oldest bigint;
    live_count bigint;
    first_row audit_log;
    last_row audit_log;
    previous_last bytea;
    counts jsonb;
begin
    perform pg_advisory_xact_lock(hashtext('rx.audit_archive_segment'));
    select min(seq) into oldest from audit_log;
    if oldest is null or p_first <> oldest then
        raise exception 'segment % does not start at the oldest live audit record %', p_first, oldest using errcode = 'P0001';
    end if;
    select count(*) into live_count from audit_log where seq between p_first and p_last;
    if live_count <> p_count or p_count <> p_last - p_first + 1 then
        raise exception 'segment %-% count % does not match the live rows', p_first, p_last, p_count using errcode = 'P0001';
    end if;
    select * into first_row from audit_log where seq = p_first;
    select * into last_row from audit_log where seq = p_last;
    if first_row.hash <> p_first_hash or last_row.hash <> p_last_hash then
        raise exception 'segment %-% hashes do not match the live rows', p_first, p_last using errcode = 'P0001';
    end if;
    select s.last_hash into previous_last from audit_archive_segments s order by s.first_seq desc limit 1;
    if first_row.prev_hash <> coalesce(previous_last, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea) then
        raise exception 'segment % does not link to the previous segment', p_first using errcode = 'P0001';
    end if;
    select jsonb_build_object(
        'byAction', (select jsonb_object_agg(action, n) from (select action, count(*) n from audit_log
                     where seq between p_first and p_last group by action) x),
        'byOutcome', (select jsonb_object_agg(outcome, n) from (select outcome, count(*) n from audit_log
                      where seq between p_first and p_last group by outcome) y))
    into counts;
    insert into audit_archive_segments (first_seq, last_seq, record_count, first_occurred_at, last_occurred_at,
            first_prev_hash, first_hash, last_hash, sha256, size_bytes, file_name, summary)
    values (p_first, p_last, p_count, first_row.occurred_at, last_row.occurred_at, first_row.prev_hash,
            p_first_hash, p_last_hash, p_sha256, p_size, p_file, counts);
    delete from audit_log where seq between p_first and p_last;
    return counts;
end
$$;
revoke all on function rx.audit_archive_segment(bigint, bigint, bigint, bytea, bytea, bytea, bigint, text) from public;
grant execute on function rx.audit_archive_segment(bigint, bigint, bigint, bytea, bytea, bytea, bigint, text) to service_role;
