create table organizations (
    id         uuid        primary key default gen_random_uuid(),
    name       text        not null,
    kind       text        not null check (kind in ('pharmacy', 'clinic')),
    npi        text,
    phone      text,
    email      text,
    address    jsonb       not null default '{}',
    is_active  boolean     not null default true,
    version    int         not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create index organizations_name on organizations (lower(name));

-- User profiles. Credentials live in their own table that no request role can read.
create table users (
    id            uuid        primary key default gen_random_uuid(),
    email         text        not null,
    full_name     text,
    phone         text,
    role          text        not null check (role in ('admin', 'pharmacist', 'technician', 'physician', 'patient')),
    org_id        uuid        references organizations (id),
    is_active     boolean     not null default true,
    last_login    timestamptz,
    user_metadata jsonb       not null default '{}',
    version       int         not null default 1,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    deactivated_at timestamptz,
    constraint users_org_required check (role = 'admin' or org_id is not null)
);
create unique index users_email on users (lower(email));
create index users_org_role on users (org_id, role, created_at);
create index users_role on users (role, created_at);
create index users_created_at on users (created_at);

create table user_credentials (
    user_id         uuid        primary key references users (id),
    password_hash   text        not null,
    failed_attempts int         not null default 0,
    locked_until    timestamptz,
    updated_at      timestamptz not null default now()
);

-- A sign-in session is a family of rotating refresh tokens; revoking it ends every token of the family.
create table auth_sessions (
    id         uuid        primary key default gen_random_uuid(),
    user_id    uuid        not null references users (id),
    created_at timestamptz not null default now(),
    revoked_at timestamptz,
    revoked_reason text
);
create index auth_sessions_user on auth_sessions (user_id) where revoked_at is null;

create table refresh_tokens (
    token_hash bytea       primary key,
    session_id uuid        not null references auth_sessions (id),
    user_id    uuid        not null references users (id),
    issued_at  timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index refresh_tokens_session on refresh_tokens (session_id);

create table sign_in_attempts (
    id         bigint      generated always as identity primary key,
    user_id    uuid,
    email_hash bytea       not null,
    succeeded  boolean     not null,
    reason     text        not null,
    ip         text,
    user_agent text,
    request_id text,
    at         timestamptz not null default now()
);
create index sign_in_attempts_at on sign_in_attempts (at);
create index sign_in_attempts_user on sign_in_attempts (user_id, at);

-- Row-level security. Staff see their organisation; a patient sees only themself; admins their organisation
-- (global admins everything). Credentials, sessions, tokens and attempts are for the service role only.
alter table organizations enable row level security;
create policy organizations_read on organizations for select to authenticated
    using ((select rx.is_global_admin()) or id = (select rx.org_id()));
create policy organizations_admin_write on organizations for update to authenticated
    using ((select rx.administers(id))) with check ((select rx.administers(id)));
create policy organizations_global_admin_insert on organizations for insert to authenticated
    with check ((select rx.is_global_admin()));
grant select, insert, update on organizations to authenticated;
grant all on organizations to service_role;

alter table users enable row level security;
create policy users_read on users for select to authenticated
    using (id = (select rx.uid())
        or (select rx.is_global_admin())
        or (org_id = (select rx.org_id()) and (select rx.app_role()) in ('admin', 'pharmacist', 'technician', 'physician')));
create policy users_update on users for update to authenticated
    using (id = (select rx.uid()) or (select rx.is_global_admin()) or (org_id is not null and (select rx.administers(org_id))))
    with check (id = (select rx.uid()) or (select rx.is_global_admin()) or (org_id is not null and (select rx.administers(org_id))));
create policy users_admin_insert on users for insert to authenticated
    with check ((select rx.is_global_admin()) or (org_id is not null and (select rx.administers(org_id))));
grant select, insert, update on users to authenticated;
grant all on users to service_role;

-- Defence in depth: whatever the API does, a non-admin cannot change their own role, organisation or status.
create or replace function rx.users_guard() returns trigger
    language plpgsql
as $$
begin
    if current_user = 'authenticated' and coalesce(rx.app_role(), '') <> 'admin'
        and (new.role is distinct from old.role or new.org_id is distinct from old.org_id
             or new.is_active is distinct from old.is_active or new.email is distinct from old.email) then
        raise exception 'only an admin may change role, organisation, status or email' using errcode = '42501';
    end if;
    return new;
end
$$;
create trigger users_guard before update on users for each row execute function rx.users_guard();

alter table user_credentials enable row level security;
alter table auth_sessions enable row level security;
alter table refresh_tokens enable row level security;
alter table sign_in_attempts enable row level security;
grant all on user_credentials, auth_sessions, refresh_tokens, sign_in_attempts to service_role;
-- Access tokens name their session; the per-request session check reads only this column pair.
create policy auth_sessions_own on auth_sessions for select to authenticated using (user_id = (select rx.uid()));
grant select on auth_sessions to authenticated;

-- Admins end the sessions of users they administer (deactivation, role change); users end their own.
create or replace function rx.may_manage_user(target uuid) returns boolean
    language sql stable security definer
    set search_path = public, rx, pg_temp
as $$
select exists (select 1 from users u where u.id = target
    and (u.id = rx.uid() or rx.is_global_admin() or (u.org_id is not null and rx.administers(u.org_id))))
$$;
grant execute on function rx.may_manage_user(uuid) to authenticated, service_role;
drop policy auth_sessions_own on auth_sessions;
create policy auth_sessions_manage on auth_sessions for all to authenticated
    using ((select rx.may_manage_user(user_id))) with check ((select rx.may_manage_user(user_id)));
grant select, update (revoked_at, revoked_reason) on auth_sessions to authenticated;

-- Sets a password hash for a user the caller may manage. Request roles can never read user_credentials.
create or replace function rx.set_password_hash(target uuid, password_hash text) returns void
    language plpgsql security definer
    set search_path = public, rx, pg_temp
as $$
begin
    if current_setting('role') <> 'service_role' and not rx.may_manage_user(target) then
        raise exception 'not allowed to set this password' using errcode = '42501';
    end if;
    insert into user_credentials (user_id, password_hash) values (target, password_hash)
    on conflict (user_id) do update set password_hash = excluded.password_hash, failed_attempts = 0,
        locked_until = null, updated_at = now();
end
$$;
revoke all on function rx.set_password_hash(uuid, text) from public;
grant execute on function rx.set_password_hash(uuid, text) to authenticated, service_role;
