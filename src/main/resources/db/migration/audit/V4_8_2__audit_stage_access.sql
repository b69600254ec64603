-- An access record staged by the statement that reads the data, in the read's own transaction and round trip, with
-- the organisation that statement has just read (the record's orgId decides which admins see it, and only the read
-- knows it). A caller that cannot see the data reads nothing and stages nothing. Before, such a read and its record
-- were two durable round trips, each waiting for a core under load (ADR 0011).
create or replace function rx.audit_stage_access(entry jsonb, org uuid) returns void
    language sql security definer
    set search_path = public, rx, pg_temp
as $$
insert into audit_staged (entries) values (jsonb_build_array(entry || jsonb_build_object('orgId', org)))
$$;
revoke all on function rx.audit_stage_access(jsonb, uuid) from public;
grant execute on function rx.audit_stage_access(jsonb, uuid) to authenticated, service_role;
