-- Asynchronous calls (Prefer: respond-async): the input waits here until a worker runs it, and the output waits here
-- for the caller to fetch it from the status URL. Input and output may hold PHI, so the rows are under RLS: the caller
-- reads their own calls, an admin their organisation's; only the service runs them and writes results.
create table function_calls (
    id            uuid        primary key default gen_random_uuid(),
    function_name text        not null,
    caller_id     uuid,
    caller_role   text        not null,
    org_id        uuid,
    caller_claims jsonb       not null,
    input         jsonb       not null,
    status        text        not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
    attempts      int         not null default 0,
    lease_until   timestamptz,
    http_status   int,
    output        jsonb,
    error_code    text,
    error_message text,
    request_id    text,
    created_at    timestamptz not null default now(),
    started_at    timestamptz,
    finished_at   timestamptz
);
create index function_calls_by_caller on function_calls (caller_id, created_at desc);
-- Workers look for calls left queued or with a lapsed lease (a copy that stopped mid-call).
create index function_calls_unfinished on function_calls (created_at) where status in ('queued', 'running');

alter table function_calls enable row level security;
create policy function_calls_caller_read on function_calls for select to authenticated
    using (caller_id = (select rx.uid()) or (select rx.is_global_admin()) or (org_id is not null and (select rx.administers(org_id))));
create policy function_calls_caller_insert on function_calls for insert to authenticated
    with check (caller_id = (select rx.uid()) and status = 'queued');
grant select, insert on function_calls to authenticated;
grant select, insert, update, delete on function_calls to service_role;
