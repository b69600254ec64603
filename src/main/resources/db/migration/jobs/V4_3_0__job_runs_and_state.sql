-- The jobs runtime's own tables. Job names, node names, counts and error codes only: never PHI.
--
-- job_runs: one row per attempt of a run (scheduled, retried or started by an admin). A scheduled run is identified
-- by its job and the cron instant it was due (scheduled_for); retries of it share scheduled_for and count up
-- attempt. Written by the service role; read by admins.
create table job_runs (
    id            uuid        primary key default gen_random_uuid(),
    job           text        not null,
    node          text,
    trigger       text        not null check (trigger in ('schedule', 'manual')),
    scheduled_for timestamptz not null,
    started_at    timestamptz,
    finished_at   timestamptz,
    status        text        not null check (status in ('queued', 'running', 'succeeded', 'failed', 'skipped')),
    items         bigint      not null default 0,
    error_code    text,
    error_message text,
    attempt       int         not null default 1,
    dry_run       boolean     not null default false,
    requested_by  text,
    details       jsonb       not null default '{}',
    unique (job, scheduled_for, trigger, attempt)
);
-- A scheduled instant succeeds at most once, whichever copy of the service ran it.
create unique index job_runs_once on job_runs (job, scheduled_for) where status = 'succeeded' and trigger = 'schedule';
-- GET /api/jobs/{name}/runs (newest first) and the per-job figures of GET /api/jobs.
create index job_runs_by_job on job_runs (job, scheduled_for desc, id);
-- The history purge walks finished runs by age.
create index job_runs_by_finish on job_runs (finished_at) where finished_at is not null;

-- job_state: what an admin or the alerting decided about a job, shared by every copy of the service.
create table job_state (
    job                text        primary key,
    paused             boolean     not null default false,
    paused_by          text,
    paused_at          timestamptz,
    updated_at         timestamptz not null default now()
);

-- job_alerts: open and resolved alerts by de-duplication key (rx-job-<name>, rx-job-<name>-missed, or a key a job
-- raises itself), so every copy of the service raises an alert once and resolves it once.
create table job_alerts (
    key         text        primary key,
    job         text        not null,
    open        boolean     not null,
    opened_at   timestamptz not null,
    resolved_at timestamptz,
    summary     text
);

alter table job_runs enable row level security;
alter table job_state enable row level security;
alter table job_alerts enable row level security;
create policy job_runs_admin_read on job_runs for select to authenticated using ((select rx.app_role()) = 'admin');
create policy job_state_admin_read on job_state for select to authenticated using ((select rx.app_role()) = 'admin');
create policy job_alerts_admin_read on job_alerts for select to authenticated using ((select rx.app_role()) = 'admin');
-- A global admin queues runs and pauses jobs in their own transaction, so the audit record names them.
create policy job_runs_admin_queue on job_runs for insert to authenticated
    with check ((select rx.is_global_admin()) and status = 'queued' and trigger = 'manual');
create policy job_state_admin_write on job_state for all to authenticated
    using ((select rx.is_global_admin())) with check ((select rx.is_global_admin()));
grant select on job_runs, job_state, job_alerts to authenticated;
grant insert on job_runs to authenticated;
grant insert, update on job_state to authenticated;
grant select, insert, update, delete on job_runs, job_state, job_alerts to service_role;
