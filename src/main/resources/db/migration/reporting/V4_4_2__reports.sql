-- Generated reports: the figures (summary) and the downloadable artefacts (CSV text, PDF bytes). One report per kind
-- and period, so a retried job run finds its report instead of writing a second one. Reports hold counts and ids
-- (patient ids, staff user ids), never names or other PHI.
create table reports (
    id           uuid        primary key default gen_random_uuid(),
    kind         text        not null check (kind in ('weekly', 'compliance')),
    period_start timestamptz not null,
    period_end   timestamptz not null,
    created_at   timestamptz not null default now(),
    status       text        not null default 'ready' check (status in ('ready')),
    summary      jsonb       not null,
    csv          text        not null,
    pdf          bytea       not null,
    unique (kind, period_start)
);
create index reports_created on reports (created_at desc, id);
create index reports_kind_created on reports (kind, created_at desc, id);

-- Reports span every organisation: global admins read them; the service writes them.
alter table reports enable row level security;
create policy reports_global_admin_read on reports for select to authenticated using ((select rx.is_global_admin()));
grant select on reports to authenticated;
grant select, insert on reports to service_role;
