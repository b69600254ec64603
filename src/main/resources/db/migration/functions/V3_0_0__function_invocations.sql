-- One row per call of POST /functions/v1/{name} to a known function: who called, how it ended and how long it took.
-- Never the payload: inputs and outputs may hold PHI. Written by the service role after the call; admins read their
-- organisation's calls, a global admin all of them. Nobody updates or deletes a row through the API.
create table function_invocations (
    id            uuid        primary key default gen_random_uuid(),
    function_name text        not null,
    caller_id     text        not null,
    caller_role   text        not null,
    org_id        uuid,
    status        int         not null,
    outcome       text        not null check (outcome in ('success', 'client_error', 'timeout', 'error')),
    error_code    text,
    attempts      int         not null default 1,
    duration_ms   double precision not null,
    request_id    text,
    started_at    timestamptz not null
);
-- GET /api/functions/{name}/invocations pages by function, newest first.
create index function_invocations_by_function on function_invocations (function_name, started_at desc, id);
create index function_invocations_by_org on function_invocations (org_id, started_at desc);

alter table function_invocations enable row level security;
create policy function_invocations_admin_read on function_invocations for select to authenticated
    using ((select rx.is_global_admin()) or (org_id is not null and (select rx.administers(org_id))));
grant select on function_invocations to authenticated;
grant select, insert on function_invocations to service_role;
