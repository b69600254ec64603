-- Name search within the caller's scope (GET /api/patients?name=). The list is a union of an organisation branch and a
-- preferred-pharmacy branch (ScopeUnion); each branch reads the patients whose first or last name starts with the
-- prefix through these indexes, instead of every patient of the organisation.
--
-- The names are kept lower-cased in generated columns because lower() is not leakproof: under row-level security
-- PostgreSQL evaluates a condition that calls it only after the policy, row by row, so an index on lower(last_name)
-- can never narrow a search. The pattern comparison operators and starts_with() are leakproof.
alter table patients
    add column last_name_lower text generated always as (lower(last_name)) stored,
    add column first_name_lower text generated always as (lower(first_name)) stored;

create index patients_org_last_name on patients (org_id, last_name_lower text_pattern_ops) where deleted_at is null;
create index patients_org_first_name on patients (org_id, first_name_lower text_pattern_ops) where deleted_at is null;
create index patients_pharmacy_last_name on patients (preferred_pharmacy_id, last_name_lower text_pattern_ops)
    where deleted_at is null and preferred_pharmacy_id is not null;
create index patients_pharmacy_first_name on patients (preferred_pharmacy_id, first_name_lower text_pattern_ops)
    where deleted_at is null and preferred_pharmacy_id is not null;
