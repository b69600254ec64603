-- Prescriptions, their fills and their dispenses. A prescription belongs to its patient's organisation and may
-- name a filling pharmacy; both organisations' staff, the prescriber and the patient see it.
create sequence prescription_number_seq start 100001;

create table prescriptions (
    id                   uuid        primary key default gen_random_uuid(),
    rx_number            bigint      not null unique default nextval('prescription_number_seq'),
    org_id               uuid        not null references organizations (id),
    patient_id           uuid        not null references patients (id),
    prescriber_id        uuid        not null references users (id),
    medication_id        uuid        not null references medications (id),
    pharmacy_id          uuid        references organizations (id),
    dose                 text        not null,
    sig                  text        not null,
    quantity             numeric(10, 3) not null check (quantity > 0),
    quantity_unit        text        not null,
    days_supply          int         not null check (days_supply between 1 and 365),
    refills_authorized   int         not null check (refills_authorized between 0 and 99),
    refills_remaining    int         not null check (refills_remaining >= 0 and refills_remaining <= refills_authorized),
    written_date         date        not null,
    expires_on           date        not null,
    substitution_allowed boolean     not null default true,
    diagnosis_code       text,
    diagnosis_text       text,
    dea_schedule         int         check (dea_schedule between 1 and 5),
    controlled           boolean     generated always as (dea_schedule is not null) stored,
    status               text        not null default 'pending'
                         check (status in ('pending', 'approved', 'filled', 'dispensed', 'cancelled', 'rejected', 'expired')),
    status_reason        text,
    verification_status  text        check (verification_status in ('passed', 'needs_review', 'failed', 'manual')),
    verification         jsonb,
    approved_by          uuid        references users (id),
    approved_at          timestamptz,
    version              int         not null default 1,
    created_by           uuid,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    deleted_at           timestamptz
);
create index prescriptions_org_created on prescriptions (org_id, created_at desc) where deleted_at is null;
create index prescriptions_pharmacy_created on prescriptions (pharmacy_id, created_at desc) where deleted_at is null;
create index prescriptions_patient on prescriptions (patient_id, created_at desc);
create index prescriptions_prescriber on prescriptions (prescriber_id, created_at desc);
create index prescriptions_status on prescriptions (org_id, status, created_at desc);
create index prescriptions_expires on prescriptions (expires_on) where status in ('pending', 'approved', 'filled', 'dispensed');

create table prescription_fills (
    id              uuid        primary key default gen_random_uuid(),
    prescription_id uuid        not null references prescriptions (id),
    fill_number     int         not null,
    filled_by       uuid        not null references users (id),
    filled_at       timestamptz not null default now(),
    quantity        numeric(10, 3) not null check (quantity > 0),
    ndc             text        not null,
    lot             text,
    lot_expires_on  date,
    unique (prescription_id, fill_number)
);
create index prescription_fills_filled_at on prescription_fills (filled_at);

create table prescription_dispenses (
    id              uuid        primary key default gen_random_uuid(),
    prescription_id uuid        not null references prescriptions (id),
    fill_id         uuid        not null unique references prescription_fills (id),
    dispensed_by    uuid        not null references users (id),
    dispensed_at    timestamptz not null default now(),
    counselled      boolean     not null default false,
    notes           text
);
create index prescription_dispenses_prescription on prescription_dispenses (prescription_id);

-- Is the signed-in user the patient this row is about? (patients.user_id links a patient record to an account.)
create or replace function rx.is_patient_self(patient uuid) returns boolean
    language sql stable security definer
    set search_path = public, rx, pg_temp
as $$ select exists (select 1 from patients p where p.id = patient and p.user_id = rx.uid()) $$;
grant execute on function rx.is_patient_self(uuid) to authenticated, service_role;

alter table prescriptions enable row level security;
create policy prescriptions_read on prescriptions for select to authenticated
    -- Written with (select …) so the claims are read once per statement and org_id/pharmacy_id can use indexes.
    using ((select rx.is_global_admin())
        or prescriber_id = (select rx.uid())
        or ((select rx.app_role()) in ('admin', 'pharmacist', 'technician', 'physician')
            and (org_id = (select rx.org_id()) or pharmacy_id = (select rx.org_id())))
        or ((select rx.app_role()) = 'patient' and rx.is_patient_self(patient_id)));
create policy prescriptions_write on prescriptions for update to authenticated
    using ((select rx.app_role()) <> 'patient' and ((select rx.is_global_admin())
        or prescriber_id = (select rx.uid())
        or ((select rx.app_role()) in ('admin', 'pharmacist', 'technician', 'physician')
            and (org_id = (select rx.org_id()) or pharmacy_id = (select rx.org_id())))
        or ((select rx.app_role()) = 'patient' and rx.is_patient_self(patient_id))))
    with check ((select rx.app_role()) <> 'patient' and ((select rx.is_global_admin())
        or prescriber_id = (select rx.uid())
        or ((select rx.app_role()) in ('admin', 'pharmacist', 'technician', 'physician')
            and (org_id = (select rx.org_id()) or pharmacy_id = (select rx.org_id())))
        or ((select rx.app_role()) = 'patient' and rx.is_patient_self(patient_id))));
create policy prescriptions_insert on prescriptions for insert to authenticated
    with check ((select rx.app_role()) in ('physician', 'admin') and (org_id = (select rx.org_id()) or (select rx.is_global_admin())
        or prescriber_id = (select rx.uid())));
grant select, insert, update on prescriptions to authenticated;
grant all on prescriptions to service_role;
grant usage on sequence prescription_number_seq to authenticated, service_role;

alter table prescription_fills enable row level security;
create policy fills_read on prescription_fills for select to authenticated
    using (exists (select 1 from prescriptions p where p.id = prescription_id));
create policy fills_insert on prescription_fills for insert to authenticated
    with check ((select rx.app_role()) in ('pharmacist', 'technician') and exists (select 1 from prescriptions p where p.id = prescription_id));
grant select, insert on prescription_fills to authenticated;
grant all on prescription_fills to service_role;

alter table prescription_dispenses enable row level security;
create policy dispenses_read on prescription_dispenses for select to authenticated
    using (exists (select 1 from prescriptions p where p.id = prescription_id));
create policy dispenses_insert on prescription_dispenses for insert to authenticated
    with check ((select rx.app_role()) = 'pharmacist' and exists (select 1 from prescriptions p where p.id = prescription_id));
grant select, insert on prescription_dispenses to authenticated;
grant all on prescription_dispenses to service_role;
