-- The audit trail: one row per mutation or PHI/user-data access, hash-chained so that editing or deleting a row
-- is detectable. Rows hold ids and changed field names, never PHI values.
create table audit_log (
    seq            bigint      primary key,
    id             uuid        not null unique,
    occurred_at    timestamptz not null,
    actor_id       text        not null,
    actor_role     text        not null,
    org_id         uuid,
    action         text        not null,
    resource_type  text        not null,
    resource_id    text,
    changed_fields text[]      not null default '{}',
    outcome        text        not null default 'success',
    ip             text,
    user_agent     text,
    request_id     text,
    details        jsonb       not null default '{}',
    prev_hash      bytea       not null,
    hash           bytea       not null
);
create index audit_log_occurred_at on audit_log (occurred_at);
create index audit_log_actor on audit_log (actor_id, occurred_at);
create index audit_log_resource on audit_log (resource_type, resource_id, occurred_at);
create index audit_log_action on audit_log (action, occurred_at);
create index audit_log_org on audit_log (org_id, occurred_at);

-- The chain's head: the last sequence number and hash. Locking this single row serialises appends.
create table audit_chain_head (
    id        int    primary key check (id = 1),
    last_seq  bigint not null,
    last_hash bytea  not null
);
insert into audit_chain_head values (1, 0, '\x0000000000000000000000000000000000000000000000000000000000000000');

-- The canonical text of a row: every field, in a fixed order, unambiguously separated (unit separator).
create or replace function rx.audit_hash(prev bytea, a audit_log) returns bytea
    language sql immutable
as $$
select sha256(prev || convert_to(concat_ws(chr(31),
    a.seq::text, a.id::text, (extract(epoch from a.occurred_at) * 1000000)::bigint::text,
    a.actor_id, a.actor_role, coalesce(a.org_id::text, ''), a.action, a.resource_type,
    coalesce(a.resource_id, ''), array_to_string(a.changed_fields, chr(30)), a.outcome,
    coalesce(a.ip, ''), coalesce(a.user_agent, ''), coalesce(a.request_id, ''), a.details::text), 'UTF8'))
$$;

-- Appends entries (a JSON array) to the chain. SECURITY DEFINER: request roles may append through this function
-- but can neither insert directly nor update or delete anything.
create or replace function rx.audit_append(entries jsonb) returns bigint
    language plpgsql security definer
    set search_path = public, rx, pg_temp
as $$
declare
    head audit_chain_head;
    entry jsonb;
    a audit_log;
begin
    select * into head from audit_chain_head where id = 1 for update;
    for entry in select value from jsonb_array_elements(entries) loop
        a.seq := head.last_seq + 1;
        a.id := coalesce((entry ->> 'id')::uuid, gen_random_uuid());
        a.occurred_at := coalesce((entry ->> 'occurredAt')::timestamptz, clock_timestamp());
        a.actor_id := coalesce(entry ->> 'actorId', 'anonymous');
        a.actor_role := coalesce(entry ->> 'actorRole', 'anon');
        a.org_id := (entry ->> 'orgId')::uuid;
        a.action := entry ->> 'action';
        a.resource_type := entry ->> 'resourceType';
        a.resource_id := entry ->> 'resourceId';
        a.changed_fields := coalesce(array(select jsonb_array_elements_text(entry -> 'changedFields')), '{}');
        a.outcome := coalesce(entry ->> 'outcome', 'success');
        a.ip := entry ->> 'ip';
        a.user_agent := entry ->> 'userAgent';
        a.request_id := entry ->> 'requestId';
        a.details := coalesce(entry -> 'details', '{}');
        a.prev_hash := head.last_hash;
        a.hash := rx.audit_hash(a.prev_hash, a);
        insert into audit_log values (a.*);
        head.last_seq := a.seq;
        head.last_hash := a.hash;
    end loop;
    update audit_chain_head set last_seq = head.last_seq, last_hash = head.last_hash where id = 1;
    return head.last_seq;
end
$$;
revoke all on function rx.audit_append(jsonb) from public;
grant execute on function rx.audit_append(jsonb) to authenticated, service_role;
grant execute on function rx.audit_hash(bytea, audit_log) to authenticated, service_role;

alter table audit_log enable row level security;
-- Admins read their organisation's trail; a global admin reads all of it. Nobody may change it.
create policy audit_admin_read on audit_log for select to authenticated
    using ((select rx.is_global_admin()) or (org_id is not null and (select rx.administers(org_id))));
grant select on audit_log to authenticated, service_role;
grant select on audit_chain_head to service_role, authenticated;
