-- Patients and the clinical lists that belong to them. A patient belongs to one organisation (org_id) and may name a
-- preferred pharmacy (another organisation) whose staff may then read, but not change, the record. Deletes are soft
-- (deleted_at), so no request role is granted DELETE on any of these tables.
create table patients (
    id                        uuid        primary key default gen_random_uuid(),
    org_id                    uuid        not null references organizations (id),
    mrn                       text        not null,
    first_name                text        not null,
    last_name                 text        not null,
    date_of_birth             date        not null check (date_of_birth >= date '1900-01-01'),
    sex_at_birth              text        not null check (sex_at_birth in ('female', 'male', 'intersex', 'unknown')),
    gender_identity           text,
    phone                     text,
    email                     text,
    address                   jsonb,
    preferred_pharmacy_id     uuid        references organizations (id),
    user_id                   uuid        references users (id),
    communication_preferences jsonb,
    is_active                 boolean     not null default true,
    deleted_at                timestamptz,
    version                   int         not null default 1,
    created_by                uuid,
    created_at                timestamptz not null default now(),
    updated_at                timestamptz not null default now()
);
-- The MRN stays reserved by a soft-deleted record: the row is still there and may be restored.
create unique index patients_org_mrn on patients (org_id, mrn);
create unique index patients_user on patients (user_id) where user_id is not null and deleted_at is null;
-- List filters and sorts (the list query adds "deleted_at is null" and RLS adds the organisation test).
create index patients_org_created on patients (org_id, created_at);
create index patients_pharmacy_created on patients (preferred_pharmacy_id, created_at) where preferred_pharmacy_id is not null;
create index patients_created on patients (created_at);
create index patients_last_name on patients (lower(last_name) text_pattern_ops);
create index patients_first_name on patients (lower(first_name) text_pattern_ops);
create index patients_dob on patients (date_of_birth);
create index patients_phone on patients (phone) where phone is not null;
create index patients_mrn on patients (mrn);

create table patient_allergies (
    id          uuid        primary key default gen_random_uuid(),
    patient_id  uuid        not null references patients (id),
    substance   text,
    rxcui       text        check (rxcui ~ '^[0-9]{1,10}$'),
    drug_class  text,
    reaction    text,
    severity    text        check (severity in ('mild', 'moderate', 'severe', 'life_threatening')),
    recorded_at timestamptz not null default now(),
    recorded_by uuid,
    removed_at  timestamptz,
    removed_by  uuid,
    constraint patient_allergies_identified check (substance is not null or rxcui is not null or drug_class is not null)
);
create index patient_allergies_patient on patient_allergies (patient_id, recorded_at);

create table patient_conditions (
    id          uuid        primary key default gen_random_uuid(),
    patient_id  uuid        not null references patients (id),
    icd10_code  text        not null check (icd10_code ~ '^[A-Z][0-9][A-Z0-9](\.?[A-Z0-9]{1,4})?$'),
    text        text,
    recorded_at timestamptz not null default now(),
    recorded_by uuid,
    removed_at  timestamptz,
    removed_by  uuid
);
create index patient_conditions_patient on patient_conditions (patient_id, recorded_at);

create table patient_coverages (
    id           uuid        primary key default gen_random_uuid(),
    patient_id   uuid        not null references patients (id),
    payer_name   text        not null,
    member_id    text        not null,
    group_number text,
    bin          text        check (bin ~ '^[0-9]{6}$'),
    pcn          text,
    relationship text        check (relationship in ('self', 'spouse', 'child', 'other')),
    priority     int         not null default 1 check (priority between 1 and 9),
    recorded_at  timestamptz not null default now(),
    recorded_by  uuid,
    removed_at   timestamptz,
    removed_by   uuid
);
create index patient_coverages_patient on patient_coverages (patient_id, priority);

-- A consultation or a pickup. org_id is the organisation whose staff recorded it (a clinic's patient picks up at
-- their preferred pharmacy).
create table patient_visits (
    id           uuid        primary key default gen_random_uuid(),
    patient_id   uuid        not null references patients (id),
    org_id       uuid        not null references organizations (id),
    type         text        not null check (type in ('consultation', 'pickup')),
    occurred_at  timestamptz not null,
    performed_by uuid,
    notes        text,
    recorded_at  timestamptz not null default now()
);
create index patient_visits_patient on patient_visits (patient_id, occurred_at);

-- Whether an organisation is an active pharmacy. SECURITY DEFINER because staff cannot read other organisations,
-- yet a clinic must be able to name a pharmacy as a patient's preferred one. Answers a yes/no only.
create or replace function rx.is_active_pharmacy(org uuid) returns boolean
    language sql stable security definer
    set search_path = public, rx, pg_temp
as $$ select exists (select 1 from organizations o where o.id = org and o.kind = 'pharmacy' and o.is_active) $$;
revoke all on function rx.is_active_pharmacy(uuid) from public;
grant execute on function rx.is_active_pharmacy(uuid) to authenticated, service_role;

-- Row-level security. Staff and admins of the patient's organisation read and change it; staff and admins of the
-- preferred pharmacy read it; a global admin reads and changes all; a patient-role user reads and (contact details
-- only, see the guard below) changes the one record linked to their account.
alter table patients enable row level security;
create policy patients_read on patients for select to authenticated
    using ((select rx.is_global_admin())
        or ((select rx.app_role()) in ('admin', 'pharmacist', 'technician', 'physician')
            and (org_id = (select rx.org_id()) or preferred_pharmacy_id = (select rx.org_id())))
        or ((select rx.app_role()) = 'patient' and user_id = (select rx.uid())));
create policy patients_insert on patients for insert to authenticated
    with check ((select rx.is_global_admin())
        or ((select rx.app_role()) in ('admin', 'pharmacist', 'technician', 'physician') and org_id = (select rx.org_id())));
create policy patients_update on patients for update to authenticated
    using ((select rx.is_global_admin())
        or ((select rx.app_role()) in ('admin', 'pharmacist', 'technician', 'physician') and org_id = (select rx.org_id()))
        or ((select rx.app_role()) = 'patient' and user_id = (select rx.uid())))
    with check ((select rx.is_global_admin())
        or ((select rx.app_role()) in ('admin', 'pharmacist', 'technician', 'physician') and org_id = (select rx.org_id()))
        or ((select rx.app_role()) = 'patient' and user_id = (select rx.uid())));
grant select, insert, update on patients to authenticated;
grant all on patients to service_role;

-- Defence in depth: whatever the API does, a patient-role user changes only contact details and preferences.
create or replace function rx.patients_guard() returns trigger
    language plpgsql
as $$
begin
    if current_user = 'authenticated' and coalesce(rx.app_role(), '') = 'patient'
        and (new.org_id, new.mrn, new.first_name, new.last_name, new.date_of_birth, new.sex_at_birth,
             new.gender_identity, new.preferred_pharmacy_id, new.user_id, new.is_active, new.deleted_at)
            is distinct from
            (old.org_id, old.mrn, old.first_name, old.last_name, old.date_of_birth, old.sex_at_birth,
             old.gender_identity, old.preferred_pharmacy_id, old.user_id, old.is_active, old.deleted_at) then
        raise exception 'a patient may change only contact details and communication preferences' using errcode = '42501';
    end if;
    return new;
end
$$;
create trigger patients_guard before update on patients for each row execute function rx.patients_guard();

-- Allergies and conditions: visible wherever the patient is (the subquery runs under patients' own policies);
-- recorded only by pharmacists, physicians and admins of the patient's organisation.
alter table patient_allergies enable row level security;
create policy patient_allergies_read on patient_allergies for select to authenticated
    using (exists (select 1 from patients p where p.id = patient_id));
create policy patient_allergies_write on patient_allergies for all to authenticated
    using (exists (select 1 from patients p where p.id = patient_id
        and ((select rx.is_global_admin())
            or ((select rx.app_role()) in ('admin', 'pharmacist', 'physician') and p.org_id = (select rx.org_id())))))
    with check (exists (select 1 from patients p where p.id = patient_id
        and ((select rx.is_global_admin())
            or ((select rx.app_role()) in ('admin', 'pharmacist', 'physician') and p.org_id = (select rx.org_id())))));
grant select, insert, update on patient_allergies to authenticated;
grant all on patient_allergies to service_role;

alter table patient_conditions enable row level security;
create policy patient_conditions_read on patient_conditions for select to authenticated
    using (exists (select 1 from patients p where p.id = patient_id));
create policy patient_conditions_write on patient_conditions for all to authenticated
    using (exists (select 1 from patients p where p.id = patient_id
        and ((select rx.is_global_admin())
            or ((select rx.app_role()) in ('admin', 'pharmacist', 'physician') and p.org_id = (select rx.org_id())))))
    with check (exists (select 1 from patients p where p.id = patient_id
        and ((select rx.is_global_admin())
            or ((select rx.app_role()) in ('admin', 'pharmacist', 'physician') and p.org_id = (select rx.org_id())))));
grant select, insert, update on patient_conditions to authenticated;
grant all on patient_conditions to service_role;

-- Coverages are administrative: technicians maintain them too.
alter table patient_coverages enable row level security;
create policy patient_coverages_read on patient_coverages for select to authenticated
    using (exists (select 1 from patients p where p.id = patient_id));
create policy patient_coverages_write on patient_coverages for all to authenticated
    using (exists (select 1 from patients p where p.id = patient_id
        and ((select rx.is_global_admin())
            or ((select rx.app_role()) in ('admin', 'pharmacist', 'technician', 'physician') and p.org_id = (select rx.org_id())))))
    with check (exists (select 1 from patients p where p.id = patient_id
        and ((select rx.is_global_admin())
            or ((select rx.app_role()) in ('admin', 'pharmacist', 'technician', 'physician') and p.org_id = (select rx.org_id())))));
grant select, insert, update on patient_coverages to authenticated;
grant all on patient_coverages to service_role;

-- Visits are recorded by staff of the patient's organisation or of its preferred pharmacy, in their own name.
alter table patient_visits enable row level security;
create policy patient_visits_read on patient_visits for select to authenticated
    using (exists (select 1 from patients p where p.id = patient_id));
create policy patient_visits_insert on patient_visits for insert to authenticated
    with check ((select rx.is_global_admin())
        or ((select rx.app_role()) in ('admin', 'pharmacist', 'technician', 'physician')
            and org_id = (select rx.org_id())
            and exists (select 1 from patients p where p.id = patient_id
                and (p.org_id = (select rx.org_id()) or p.preferred_pharmacy_id = (select rx.org_id())))));
grant select, insert on patient_visits to authenticated;
grant all on patient_visits to service_role;
