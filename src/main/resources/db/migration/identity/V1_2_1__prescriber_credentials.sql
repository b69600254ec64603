-- Prescribers' identifiers: NPI (required to prescribe) and DEA registration (required for controlled substances).
-- Check digits are validated by the API; only admins set them (a trigger keeps users from editing their own).
alter table users add column npi text;
alter table users add column dea_number text;
create unique index users_npi on users (npi) where npi is not null;

create or replace function rx.users_guard() returns trigger
    language plpgsql
as $$
begin
    if current_user = 'authenticated' and coalesce(rx.app_role(), '') <> 'admin'
        and (new.role is distinct from old.role or new.org_id is distinct from old.org_id
             or new.is_active is distinct from old.is_active or new.email is distinct from old.email
             or new.npi is distinct from old.npi or new.dea_number is distinct from old.dea_number) then
        raise exception 'only an admin may change role, organisation, status, email or prescriber identifiers' using errcode = '42501';
    end if;
    return new;
end
$$;
