-- rx.interaction_facts (V4_8_1) also stages the check's access record (rx.audit_stage_access) when the patient is
-- visible, so the read and its audit record commit in one round trip instead of two. Volatile now, as it writes;
-- still PL/pgSQL, so its plans stay cached on the connection.
drop function rx.interaction_facts(uuid, uuid);
create function rx.interaction_facts(patient uuid, candidate uuid, access jsonb)
    returns table (org_id uuid, candidate_ingredients text[], medication_id uuid, medication_name text,
                   ingredient_rxcuis text[])
    language plpgsql volatile security invoker
    set search_path = public, rx, pg_temp
as $$
#variable_conflict use_column
declare
    org uuid;
begin
    select pa.org_id into org from patients pa where pa.id = patient and pa.deleted_at is null;
    if not found then
        return; -- not there, or not visible to the caller: nothing read, nothing audited
    end if;
    if access is not null then
        perform rx.audit_stage_access(access, org);
    end if;
    return query
    select org, (select c.ingredient_rxcuis from medications c where c.id = candidate),
           a.id, a.name, a.ingredient_rxcuis
    from (select 1) patient_row
    left join lateral (
        select m.id, m.name, m.ingredient_rxcuis from medications m
        where m.id in (select p.medication_id from prescriptions p
                       where p.patient_id = patient and p.deleted_at is null
                         and p.status in ('pending', 'approved', 'filled', 'dispensed') and p.expires_on >= current_date)
    ) a on true
    order by a.name, a.id;
end $$;
revoke all on function rx.interaction_facts(uuid, uuid, jsonb) from public;
grant execute on function rx.interaction_facts(uuid, uuid, jsonb) to authenticated, service_role;
