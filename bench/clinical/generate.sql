-- Clinical benchmark data (issue #3, "Performance"): 50 organisations with their staff, patients with allergies,
-- conditions and coverages, prescriptions in a realistic spread of statuses with their fills and dispenses,
-- communications with recipients, and local catalogue products up to the target catalogue size.
--
-- Run with psql as the database owner after the service has started (migrations applied, demo data seeded):
--   psql -v scale=1.0 -v seed=0.42 -f bench/clinical/generate.sql
-- scale 1.0 = 100,000 patients, 1,000,000 prescriptions, 100,000 communications, 20,000 catalogue products.
-- Rows are written set-based (generate_series + insert ... select) as the owner, straight into the real tables:
-- every index, constraint, foreign key, trigger and RLS policy stays as production has it. Nothing here goes
-- through the API, so no audit rows are written for the generated data.
-- Names, phones and addresses are synthetic (phones in +1-555, emails under example.invalid).
\set ON_ERROR_STOP on
\set QUIET on
\pset pager off

select count(*) > 0 as already_generated from organizations where name like 'Bench %' \gset
\if :already_generated
\echo 'bench data already present in this database: generation skipped'
\q
\endif

select greatest(100, round(100000 * :scale))::int as n_patients,
       greatest(1000, round(1000000 * :scale))::int as n_prescriptions,
       greatest(100, round(100000 * :scale))::int as n_communications,
       greatest(0, round(20000 * :scale)::int - (select count(*) from medications)::int) as n_local_products \gset
\echo generating :n_patients patients, :n_prescriptions prescriptions, :n_communications communications, :n_local_products local products
\timing on

begin;
select setseed(:seed);

-- NPI: 9 digits + the Luhn check digit over "80840" + those 9 (the rightmost payload digit is doubled).
create function pg_temp.npi(base9 text) returns text language sql immutable as $$
    select base9 || ((10 - sum(case when (14 - i) % 2 = 0
                                    then (2 * substr('80840' || base9, i, 1)::int) % 10 + (2 * substr('80840' || base9, i, 1)::int) / 10
                                    else substr('80840' || base9, i, 1)::int end) % 10) % 10)::text
    from generate_series(1, 14) i
$$;
-- DEA: two letters, six digits, check digit = last digit of (d1 + d3 + d5) + 2 * (d2 + d4 + d6).
create function pg_temp.dea(letters text, six int) returns text language sql immutable as $$
    select letters || lpad(six::text, 6, '0') || ((d[1] + d[3] + d[5] + 2 * (d[2] + d[4] + d[6])) % 10)::text
    from (select array(select substr(lpad(six::text, 6, '0'), i, 1)::int from generate_series(1, 6) i) as d) s
$$;

create temp table first_names (names text[]);
insert into first_names values (array['James','Mary','Robert','Patricia','John','Jennifer','Michael','Linda','David','Elizabeth',
    'William','Barbara','Richard','Susan','Joseph','Jessica','Thomas','Sarah','Charles','Karen','Daniel','Lisa','Matthew','Nancy',
    'Anthony','Betty','Mark','Sandra','Donald','Ashley','Steven','Emily','Paul','Donna','Andrew','Michelle','Joshua','Carol',
    'Kenneth','Amanda','Kevin','Melissa','Brian','Deborah','George','Stephanie','Timothy','Rebecca','Ronald','Sharon']);
create temp table last_names (names text[]);
insert into last_names values (array['Smith','Johnson','Williams','Brown','Jones','Garcia','Miller','Davis','Rodriguez','Martinez',
    'Hernandez','Lopez','Gonzalez','Wilson','Anderson','Thomas','Taylor','Moore','Jackson','Martin','Lee','Perez','Thompson',
    'White','Harris','Sanchez','Clark','Ramirez','Lewis','Robinson','Walker','Young','Allen','King','Wright','Scott','Torres',
    'Nguyen','Hill','Flores','Green','Adams','Nelson','Baker','Hall','Rivera','Campbell','Mitchell','Carter','Roberts',
    'Smithson','Smithers','Smits','Johansson','Millerton','Davison','Brownell','Jonas','Whitfield','Harrison']);

-- Organisations: odd numbers are pharmacies, even numbers clinics (25 of each).
insert into organizations (name, kind, npi, phone, email, address, created_at, updated_at)
select format('Bench %s %s', case when i % 2 = 1 then 'Pharmacy' else 'Clinic' end, lpad(i::text, 2, '0')),
       case when i % 2 = 1 then 'pharmacy' else 'clinic' end,
       pg_temp.npi((180000000 + i)::text),
       '+1555' || lpad((2000000 + i)::text, 7, '0'),
       format('bench-org-%s@example.invalid', i),
       jsonb_build_object('line1', i || ' Main Street', 'city', (array['Springfield','Riverton','Fairview','Madison','Georgetown'])[1 + i % 5],
                          'state', 'IL', 'postalCode', '627' || lpad(i::text, 2, '0'), 'country', 'US'),
       now() - interval '3 years', now() - interval '3 years'
from generate_series(1, 50) i;

create temp table bo as
select right(name, 2)::int as idx, id, kind,
       row_number() over (partition by kind order by name)::int as kidx
from organizations where name like 'Bench %';
create unique index on bo (idx);
create unique index on bo (kind, kidx);
select count(*) filter (where kind = 'pharmacy') as n_pharmacies, count(*) filter (where kind = 'clinic') as n_clinics from bo \gset

-- Staff: a pharmacy has 3 pharmacists and 4 technicians, a clinic 8 physicians (NPI and DEA) and 2 technicians.
create temp table staff_plan (kind text, role text, n int);
insert into staff_plan values ('pharmacy', 'pharmacist', 3), ('pharmacy', 'technician', 4), ('clinic', 'physician', 8), ('clinic', 'technician', 2);
insert into users (email, full_name, role, org_id, user_metadata, npi, dea_number, created_at, updated_at)
select format('bench.%s.%s%s@bench.rx', lpad(bo.idx::text, 2, '0'), sp.role, k),
       fn || ' ' || ln, sp.role, bo.id, jsonb_build_object('full_name', fn || ' ' || ln),
       case when sp.role = 'physician' then pg_temp.npi((190000000 + bo.idx * 100 + k)::text) end,
       case when sp.role = 'physician' then pg_temp.dea((array['A','B','F'])[1 + k % 3] || left(upper(ln), 1), bo.idx * 1000 + k * 37) end,
       now() - interval '2 years', now() - interval '2 years'
from bo join staff_plan sp on sp.kind = bo.kind
cross join generate_series(1, sp.n) k
cross join lateral (select (select names from first_names)[1 + (bo.idx * 7 + k * 13) % 50] as fn,
                           (select names from last_names)[1 + (bo.idx * 11 + k * 17) % 60] as ln) n;

-- Every bench user signs in with the demo password: copy the demo pharmacist's hash (sign-in stays real).
insert into user_credentials (user_id, password_hash)
select u.id, (select c.password_hash from user_credentials c join users d on d.id = c.user_id where lower(d.email) = 'pharmacist@demo.rx')
from users u where u.email like '%@bench.rx';

alter table bo add column physicians uuid[], add column fillers uuid[], add column pharmacists uuid[], add column staff uuid[];
update bo set physicians = (select array_agg(u.id order by u.email) from users u where u.org_id = bo.id and u.role = 'physician'),
              fillers = (select array_agg(u.id order by u.email) from users u where u.org_id = bo.id and u.role in ('pharmacist', 'technician')),
              pharmacists = (select array_agg(u.id order by u.email) from users u where u.org_id = bo.id and u.role = 'pharmacist'),
              staff = (select array_agg(u.id order by u.email) from users u where u.org_id = bo.id);

-- Patients: spread evenly over the 50 organisations; a clinic's patients fill at one of three nearby pharmacies.
create temp table bp as
with g as materialized (
    select i, gen_random_uuid() as id, random() as r_pharmacy, random() as r_first, random() as r_last, random() as r_dob,
           random() as r_sex, random() as r_state, random() as r_created
    from generate_series(1, :n_patients) i)
select g.i, g.id, bo.id as org_id, bo.kind, bo.kidx,
       case when bo.kind = 'clinic' then ph.id end as pharmacy_id,
       (select names from first_names)[1 + floor(power(g.r_first, 1.3) * 50)::int] as first_name,
       (select names from last_names)[1 + floor(power(g.r_last, 2) * 60)::int] as last_name,
       date '1930-01-01' + floor(g.r_dob * (date '2020-12-31' - date '1930-01-01'))::int as dob,
       case when g.r_sex < 0.49 then 'female' when g.r_sex < 0.98 then 'male' when g.r_sex < 0.99 then 'intersex' else 'unknown' end as sex,
       g.r_state >= 0.02 as active,
       case when g.r_state < 0.005 then now() - interval '30 days' end as deleted_at,
       now() - (g.r_created * interval '1095 days') as created_at
from g
join bo on bo.idx = 1 + (g.i - 1) % 50
left join bo ph on bo.kind = 'clinic' and ph.kind = 'pharmacy' and ph.kidx = 1 + (bo.kidx - 1 + floor(g.r_pharmacy * 3)::int) % :n_pharmacies;
create unique index on bp (i);

insert into patients (id, org_id, mrn, first_name, last_name, date_of_birth, sex_at_birth, phone, email, address,
                      preferred_pharmacy_id, communication_preferences, is_active, deleted_at, created_at, updated_at)
select id, org_id, 'MRN' || lpad(i::text, 8, '0'), first_name, last_name, dob, sex, '+1555' || lpad(i::text, 7, '0'),
       lower(first_name || '.' || last_name || '.' || i) || '@example.invalid',
       jsonb_build_object('line1', (i % 9000 + 1) || ' Elm Street', 'city', 'Springfield', 'state', 'IL', 'postalCode', '62701', 'country', 'US'),
       pharmacy_id,
       case when i % 3 = 0 then '{"channels": ["sms", "in_app"], "consent": {"sms": {"granted": true, "at": "2025-01-01T00:00:00Z"}}, "quietHours": {"start": "21:00", "end": "08:00", "timezone": "America/Chicago"}}'::jsonb end,
       active and deleted_at is null, deleted_at, created_at, created_at
from bp;

-- Clinical lists: allergies for about 20% of patients, conditions for about 55%, a coverage for about 70%.
insert into patient_allergies (patient_id, substance, rxcui, drug_class, reaction, severity, recorded_at)
select id, (array['Penicillin', 'Sulfamethoxazole', null, 'Codeine', 'Latex', 'Aspirin'])[k],
       (array['7980', '10180', null, '2670', null, '1191'])[k],
       (array['Penicillins', 'Sulfonamide antibiotics', 'NSAIDs', 'Opioids', null, 'Salicylates'])[k],
       (array['Hives', 'Rash', 'Bronchospasm', 'Nausea', 'Contact dermatitis', 'Angioedema'])[k],
       (array['severe', 'moderate', 'severe', 'mild', 'moderate', 'life_threatening'])[k], created_at
from (select id, created_at, 1 + floor(random() * 6)::int as k from bp where random() < 0.2) a;

insert into patient_conditions (patient_id, icd10_code, text, recorded_at)
select id, (array['E11.9','I10','E78.5','J45.909','F32.9','M54.50','G47.00','F41.1','K21.9','E03.9'])[k],
       (array['Type 2 diabetes mellitus without complications','Essential (primary) hypertension','Hyperlipidemia, unspecified',
              'Unspecified asthma, uncomplicated','Major depressive disorder, single episode, unspecified','Low back pain, unspecified',
              'Insomnia, unspecified','Generalized anxiety disorder','Gastro-esophageal reflux disease without esophagitis',
              'Hypothyroidism, unspecified'])[k], created_at
from (select id, created_at, 1 + floor(random() * 10)::int as k from bp cross join generate_series(1, 2) n
      where random() < case when n = 1 then 0.55 else 0.25 end) c;

insert into patient_coverages (patient_id, payer_name, member_id, group_number, bin, pcn, relationship, priority, recorded_at)
select id, (array['Blue Cross Blue Shield of Illinois','Aetna','UnitedHealthcare','Cigna','Humana Medicare'])[k],
       'M' || lpad(i::text, 9, '0'), 'G' || (1000 + k * 7), (array['004336','610014','610097','004915','015581'])[k],
       (array['ADV','9999','MEDDPRIME','BCBS','CTRX'])[k], 'self', 1, created_at
from (select i, id, created_at, 1 + floor(random() * 5)::int as k from bp where random() < 0.7) v;

-- Local catalogue products (org_id set, source 'local') up to the target catalogue size: repackaged or house
-- versions of common non-controlled ingredients, each with an 11-digit NDC of its own.
create temp table bl as
with ing as (select array_agg(rxcui order by name) as rxcuis, array_agg(name order by name) as names,
                    array_agg(coalesce(therapeutic_class, '') order by name) as classes
             from medication_ingredients where dea_schedule is null and rxcui in (select rxcui from medications where tty = 'IN' and dea_schedule is null)),
     g as materialized (select j, gen_random_uuid() as id, random() as r_ing, random() as r_strength, random() as r_form,
                               random() as r_pack, random() as r_active
                        from generate_series(1, :n_local_products) j)
select g.j, g.id, bo.id as org_id, bo.fillers[1] as created_by,
       ing.rxcuis[1 + floor(g.r_ing * cardinality(ing.rxcuis))::int] as rxcui,
       ing.names[1 + floor(g.r_ing * cardinality(ing.rxcuis))::int] as ingredient,
       nullif(ing.classes[1 + floor(g.r_ing * cardinality(ing.rxcuis))::int], '') as therapeutic_class,
       (array['5 MG','10 MG','20 MG','25 MG','40 MG','50 MG','100 MG','250 MG','500 MG','1000 MG'])[1 + floor(g.r_strength * 10)::int] as strength,
       (array['Oral Tablet','Oral Capsule','Extended Release Oral Tablet','Oral Solution','Topical Cream'])[1 + floor(g.r_form * 5)::int] as dose_form,
       (array['30 count bottle','90 count bottle','100 count bottle','500 count bottle','unit dose 10 x 10'])[1 + floor(g.r_pack * 5)::int] as pack,
       g.r_active >= 0.03 as active
from g cross join ing join bo on bo.idx = 1 + (g.j - 1) % 50;

insert into medications (id, org_id, rxcui, tty, name, strength, dose_form, route, ingredients, ingredient_rxcuis,
                         therapeutic_class, source, is_active, created_by, created_at, updated_at, deactivated_at)
select id, org_id, null, null, format('%s %s %s, %s', ingredient, strength, dose_form, pack), strength, dose_form,
       case when dose_form = 'Topical Cream' then 'topical' else 'oral' end,
       jsonb_build_array(jsonb_build_object('rxcui', rxcui, 'name', ingredient)), array[rxcui], therapeutic_class,
       'local', active, created_by, now() - interval '1 year', now() - interval '1 year',
       case when not active then now() - interval '1 month' end
from bl;
insert into medication_ndcs (ndc, medication_id, org_id)
select lpad((900000000 + j)::text, 9, '0') || '01', id, org_id from bl;

-- Products prescribed: reference products (every organisation sees them). About two thirds non-controlled
-- (common ingredients, naloxone), one third Schedule II-V products from the opioid and benzodiazepine sets.
create temp table bm as
with m as (select id, dea_schedule, therapeutic_class, dose_form,
                  (select min(n.ndc) from medication_ndcs n where n.medication_id = medications.id) as ndc
           from medications
           where org_id is null and is_active and (dea_schedule is null or dea_schedule between 2 and 5)
             and (tty in ('IN', 'SCD', 'SBD') or tty is null))
select row_number() over (order by dea_schedule is not null, id)::int as idx, * from m;
create unique index on bm (idx);
select count(*) filter (where dea_schedule is null) as n_nc, count(*) filter (where dea_schedule is not null) as n_c from bm \gset

-- Prescriptions, written at least three days ago (so fills and dispenses lie in the past). A clinic patient's are written by a physician of that clinic and filled at the patient's
-- preferred pharmacy; a pharmacy's own patient's come from a physician of any clinic and are filled there.
create temp table brx as
with g as materialized (
    select j, gen_random_uuid() as id, 1 + floor(random() * :n_patients)::int as pidx, random() as r_ctrl, random() as r_med,
           random() as r_presc, random() as r_clinic, random() as r_status, random() as r_written, random() as r_refills,
           random() as r_used, random() as r_dx, random() as r_qty, random() as r_hour
    from generate_series(1, :n_prescriptions) j),
s as (
    select g.*, p.id as patient_id, p.org_id, coalesce(p.pharmacy_id, p.org_id) as pharmacy_id,
           c.physicians[1 + floor(g.r_presc * cardinality(c.physicians))::int] as prescriber_id,
           m.id as medication_id, m.dea_schedule, m.therapeutic_class, m.ndc,
           current_date - 3 - floor(power(g.r_written, 1.6) * 727)::int as written_date,
           case when g.r_status < 0.08 then 'pending' when g.r_status < 0.18 then 'approved' when g.r_status < 0.25 then 'filled'
                when g.r_status < 0.87 then 'dispensed' when g.r_status < 0.95 then 'cancelled' else 'rejected' end as base_status
    from g
    join bp p on p.i = g.pidx
    join bo c on c.kind = 'clinic' and c.kidx = case when p.kind = 'clinic' then p.kidx else 1 + floor(g.r_clinic * :n_clinics)::int end
    join bm m on m.idx = case when g.r_ctrl < 0.35 then :n_nc + 1 + floor(g.r_med * :n_c)::int else 1 + floor(g.r_med * :n_nc)::int end),
t as (
    select s.*,
           (written_date + case when dea_schedule >= 3 then interval '6 months' else interval '12 months' end)::date as expires_on,
           case when dea_schedule = 2 then 0
                when dea_schedule >= 3 then floor(r_refills * 6)::int
                else (array[0, 0, 1, 2, 3, 5, 11])[1 + floor(r_refills * 7)::int] end as refills_authorized
    from s),
u as (
    select t.*,
           case when base_status in ('filled', 'dispensed') then least(refills_authorized, floor(r_used * 3)::int) else 0 end as refills_used,
           case when base_status in ('pending', 'approved', 'filled') and expires_on < current_date then 'expired' else base_status end as status,
           written_date + make_interval(hours => 8 + floor(r_hour * 9)::int) as created_at
    from t)
select u.*,
       case when base_status in ('filled', 'dispensed') then refills_used + 1 else 0 end as fills,
       case when base_status = 'dispensed' then refills_used + 1 when base_status = 'filled' then refills_used else 0 end as dispensed
from u;

insert into prescriptions (id, org_id, patient_id, prescriber_id, medication_id, pharmacy_id, dose, sig, quantity, quantity_unit,
                           days_supply, refills_authorized, refills_remaining, written_date, expires_on, substitution_allowed,
                           diagnosis_code, diagnosis_text, dea_schedule, status, status_reason, verification_status,
                           approved_by, approved_at, created_by, created_at, updated_at)
select id, org_id, patient_id, prescriber_id, medication_id, pharmacy_id,
       case when therapeutic_class = 'opioid antagonist' then '1 spray' else '1 tablet' end,
       case when therapeutic_class = 'opioid antagonist' then 'Spray into one nostril for suspected opioid overdose; may repeat in 2 to 3 minutes'
            when dea_schedule is not null then 'Take 1 tablet by mouth every 6 hours as needed for pain'
            else 'Take 1 tablet by mouth once daily' end,
       case when therapeutic_class = 'opioid antagonist' then 2
            when dea_schedule is not null then (array[12, 20, 28, 30, 60])[1 + floor(r_qty * 5)::int]
            else (array[30, 30, 60, 90])[1 + floor(r_qty * 4)::int] end,
       case when therapeutic_class = 'opioid antagonist' then 'each' else 'tablet' end,
       case when dea_schedule is not null then 7 when r_qty < 0.75 then 30 else 90 end,
       refills_authorized, refills_authorized - refills_used, written_date, expires_on, r_dx >= 0.1,
       case when r_dx < 0.4 then (array['E11.9','I10','E78.5','M54.50','G89.29'])[1 + floor(r_dx * 12.5)::int] end,
       case when r_dx < 0.4 then (array['Type 2 diabetes mellitus without complications','Essential (primary) hypertension',
            'Hyperlipidemia, unspecified','Low back pain, unspecified','Other chronic pain'])[1 + floor(r_dx * 12.5)::int] end,
       dea_schedule, status,
       case status when 'cancelled' then 'Therapy changed by the prescriber' when 'rejected' then 'Duplicate therapy'
                   when 'expired' then 'Expired before it was filled' end,
       case when base_status in ('approved', 'filled', 'dispensed') then 'passed' end,
       case when base_status in ('approved', 'filled', 'dispensed') then prescriber_id end,
       case when base_status in ('approved', 'filled', 'dispensed') then created_at + interval '2 hours' end,
       prescriber_id, created_at, least(now(), created_at + make_interval(days => fills * 25))
from brx;

-- One fill per fill number (the first fill and each refill used), each dispensed except a 'filled' one's last.
insert into prescription_fills (id, prescription_id, fill_number, filled_by, filled_at, quantity, ndc, lot, lot_expires_on)
select gen_random_uuid(), r.id, n, ph.fillers[1 + floor(random() * cardinality(ph.fillers))::int],
       r.created_at + interval '3 hours' + make_interval(days => (n - 1) * least(30, (current_date - r.written_date - 2) / r.fills)), p.quantity,
       coalesce(r.ndc, '99999' || lpad((abs(hashtext(r.medication_id::text)) % 1000000)::text, 6, '0')),
       'L' || upper(substr(md5(r.id::text || n), 1, 7)), (r.created_at + interval '400 days')::date
from brx r
join prescriptions p on p.id = r.id
join bo ph on ph.id = r.pharmacy_id
cross join generate_series(1, r.fills) n
where r.fills > 0;

insert into prescription_dispenses (prescription_id, fill_id, dispensed_by, dispensed_at, counselled)
select f.prescription_id, f.id, ph.pharmacists[1 + floor(random() * cardinality(ph.pharmacists))::int],
       f.filled_at + interval '4 hours', random() < 0.6
from prescription_fills f
join brx r on r.id = f.prescription_id
join bo ph on ph.id = r.pharmacy_id
where f.fill_number <= r.dispensed;

-- Communications between staff of one organisation, most of them about a patient, some about a prescription.
alter table bo add column patients uuid[];
update bo set patients = (select array_agg(bp.id order by bp.i) from bp where bp.org_id = bo.id and bp.deleted_at is null);
create temp table bc as
with g as materialized (
    select k, gen_random_uuid() as id, 1 + floor(random() * 50)::int as oidx, random() as r_sender, random() as r_rcpt,
           random() as r_patient, random() as r_rx, random() as r_channel, random() as r_text, random() as r_second,
           random() as r_read, random() as r_sent
    from generate_series(1, :n_communications) k)
select g.*, bo.id as org_id, cardinality(bo.staff) as n_staff,
       1 + floor(g.r_sender * cardinality(bo.staff))::int as sender_pos, bo.staff,
       case when g.r_patient < 0.6 then bo.patients[1 + floor(g.r_patient / 0.6 * cardinality(bo.patients))::int] end as patient_id,
       now() - g.r_sent * interval '365 days' as sent_at
from g join bo on bo.idx = g.oidx;

insert into communications (id, org_id, sender_id, patient_id, prescription_id, channel, subject, body, sent_at, updated_at)
select id, org_id, staff[sender_pos], patient_id,
       case when patient_id is not null and r_rx < 0.35
            then (select p.id from prescriptions p where p.patient_id = bc.patient_id order by p.created_at desc limit 1) end,
       case when r_channel < 0.60 then 'in_app' when r_channel < 0.75 then 'email' when r_channel < 0.85 then 'sms'
            when r_channel < 0.93 then 'phone' when r_channel < 0.97 then 'fax' else 'portal' end,
       (array['Refill request','Prior authorization needed','Dose clarification','Ready for pickup','Insurance rejected claim',
              'Allergy check','Therapy change','Patient called back'])[1 + floor(r_text * 8)::int],
       (array['Please review the refill request for this patient.','The payer needs a prior authorization before we can fill.',
              'Can you confirm the intended dose and frequency?','The order is ready for pickup at the counter.',
              'The claim was rejected; please advise on an alternative.','Please confirm the documented allergy before dispensing.',
              'The prescriber changed therapy; please update the profile.','The patient called back and asked for a call.'])[1 + floor(r_text * 8)::int],
       sent_at, sent_at
from bc;

insert into communication_recipients (communication_id, recipient_id, org_id, read_at)
select id, staff[1 + (sender_pos - 1 + n) % n_staff], org_id,
       case when r_read < 0.7 then sent_at + make_interval(mins => 5 + n * 30) end
from bc cross join generate_series(1, 2) n
where n = 1 or r_second < 0.3;

commit;
\timing off

analyze;
select 'organizations' as "table", count(*) as rows from organizations
union all select 'users', count(*) from users
union all select 'patients', count(*) from patients
union all select 'patient_allergies', count(*) from patient_allergies
union all select 'patient_conditions', count(*) from patient_conditions
union all select 'patient_coverages', count(*) from patient_coverages
union all select 'medications', count(*) from medications
union all select 'medications (local)', count(*) from medications where org_id is not null
union all select 'prescriptions', count(*) from prescriptions
union all select 'prescription_fills', count(*) from prescription_fills
union all select 'prescription_dispenses', count(*) from prescription_dispenses
union all select 'communications', count(*) from communications
union all select 'communication_recipients', count(*) from communication_recipients;
\pset format aligned
select status, count(*), round(100.0 * count(*) / sum(count(*)) over (), 1) as pct from prescriptions group by status order by 2 desc;
