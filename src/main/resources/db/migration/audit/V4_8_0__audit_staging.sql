-- Change records are staged by the transaction that makes the change and chained right after it commits by the
-- service's one chain writer (with the access records of the same batch). Before, every writing transaction appended
-- to the chain itself, holding the chain head's row lock from its append through its commit and fsync: under load
-- writes and access batches queued behind each other on that one row (bench/README.md). A staged record commits or
-- rolls back with its change, and is never lost: whatever a stop leaves staged is chained by the next batch.
create table audit_staged (
    id        bigint      generated always as identity primary key,
    entries   jsonb       not null,
    staged_at timestamptz not null default now()
);
-- No policies and no grants: only the two functions below (SECURITY DEFINER) touch it.
alter table audit_staged enable row level security;

create or replace function rx.audit_stage(entries jsonb) returns void
    language sql security definer
    set search_path = public, rx, pg_temp
as $$
insert into audit_staged (entries) values (entries)
$$;

-- Chains every committed staged record, oldest staging first, then the given entries (may be null); returns the
-- chain's last sequence number. The head is locked first, so two writers (two copies of the service) chain in turn.
create or replace function rx.audit_chain(entries jsonb) returns bigint
    language plpgsql security definer
    set search_path = public, rx, pg_temp
as $$
declare
    staged jsonb;
begin
    if coalesce(jsonb_array_length(entries), 0) = 0 and not exists (select 1 from audit_staged) then
        return (select last_seq from audit_chain_head where id = 1); -- nothing to chain: no lock, no write
    end if;
    perform 1 from audit_chain_head where id = 1 for update;
    with moved as (delete from audit_staged returning id, audit_staged.entries)
    select coalesce(jsonb_agg(e.value order by m.id, e.n), '[]'::jsonb) into staged
    from moved m cross join lateral jsonb_array_elements(m.entries) with ordinality as e(value, n);
    return rx.audit_append(staged || coalesce(entries, '[]'::jsonb));
end
$$;

revoke all on function rx.audit_stage(jsonb) from public;
revoke all on function rx.audit_chain(jsonb) from public;
grant execute on function rx.audit_stage(jsonb) to authenticated, service_role;
grant execute on function rx.audit_chain(jsonb) to service_role;
