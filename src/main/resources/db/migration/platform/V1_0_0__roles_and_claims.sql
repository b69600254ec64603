-- Supabase's three request roles. On a Supabase database they exist already; elsewhere we create them.
-- service_role bypasses row-level security and is used only for the service's own work (jobs, sign-in, bootstrap).
do $$
begin
    if not exists (select from pg_roles where rolname = 'anon') then
        create role anon nologin noinherit;
    end if;
    if not exists (select from pg_roles where rolname = 'authenticated') then
        create role authenticated nologin noinherit;
    end if;
    if not exists (select from pg_roles where rolname = 'service_role') then
        create role service_role nologin noinherit bypassrls;
    end if;
    -- The pool's login role: no rights of its own (noinherit), it can only switch to the three roles above.
    if not exists (select from pg_roles where rolname = '${app_user}') then
        execute format('create role %I login noinherit', '${app_user}');
    end if;
    execute format('grant anon, authenticated, service_role to %I', '${app_user}');
end
$$;

create schema if not exists rx;
grant usage on schema rx to anon, authenticated, service_role;
grant usage on schema public to anon, authenticated, service_role;

-- Claims helpers in the style of Supabase's auth.uid(): policies read the JWT the transaction was opened with.
create or replace function rx.claims() returns jsonb
    language sql stable
as $$ select coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb $$;

create or replace function rx.uid() returns uuid
    language sql stable
as $$ select nullif(rx.claims() ->> 'sub', '')::uuid $$;

create or replace function rx.org_id() returns uuid
    language sql stable
as $$ select nullif(rx.claims() -> 'app_metadata' ->> 'org_id', '')::uuid $$;

create or replace function rx.app_role() returns text
    language sql stable
as $$ select rx.claims() -> 'app_metadata' ->> 'rx_role' $$;

-- An admin manages an organisation's rows when global (no org) or when it is their own organisation.
create or replace function rx.administers(org uuid) returns boolean
    language sql stable
as $$ select rx.app_role() = 'admin' and (rx.org_id() is null or rx.org_id() = org) $$;

create or replace function rx.is_global_admin() returns boolean
    language sql stable
as $$ select rx.app_role() = 'admin' and rx.org_id() is null $$;
