-- The medication catalogue and the drug-drug interaction knowledge base. Reference rows (org_id null) are loaded by
-- the Java migration V2_1_1 (com.ai2aim.rx.medications.internal.reference.ReferenceDataMigration) from the files in
-- src/main/resources/reference; organisations add local products through the API.
create extension if not exists pg_trgm;

-- Ingredient concepts (RxNorm TTY IN) with what the sources say about them. Not PHI: readable by every signed-in user.
create table medication_ingredients (
    rxcui             text primary key,
    name              text not null,
    name_language     text not null default 'en' check (name_language in ('en', 'fr')),
    therapeutic_class text,
    dea_schedule      smallint check (dea_schedule between 1 and 5),
    mme_factor        numeric(10, 4),
    mme_note          text,
    source            text not null
);
create index medication_ingredients_name on medication_ingredients (lower(name));

create table medications (
    id                uuid        primary key default gen_random_uuid(),
    org_id            uuid        references organizations (id),
    rxcui             text,
    tty               text,
    name              text        not null,
    brand             text,
    strength          text,
    dose_form         text,
    route             text,
    ingredients       jsonb       not null default '[]',
    ingredient_rxcuis text[]      not null default '{}',
    therapeutic_class text,
    value_sets        text[]      not null default '{}',
    dea_schedule      smallint    check (dea_schedule between 1 and 5),
    mme_factor        numeric(10, 4),
    mme_note          text,
    source            text        not null,
    is_active         boolean     not null default true,
    version           int         not null default 1,
    created_by        uuid,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    deactivated_at    timestamptz,
    constraint medications_local_source check ((org_id is null) = (source <> 'local'))
);
-- One reference product per RxCUI; within an organisation, one local product per RxCUI.
create unique index medications_reference_rxcui on medications (rxcui) where org_id is null and rxcui is not null;
create unique index medications_local_rxcui on medications (org_id, rxcui) where org_id is not null and rxcui is not null;
-- List: default order and its filters. Search: name prefix and misspellings through trigrams (LIKE and <% both use it).
create index medications_name_order on medications (lower(name), id);
create index medications_name_trgm on medications using gin (lower(name) gin_trgm_ops);
create index medications_rxcui on medications (rxcui);
create index medications_ingredient_rxcuis on medications using gin (ingredient_rxcuis);
create index medications_schedule on medications (dea_schedule, lower(name)) where dea_schedule is not null;
create index medications_class on medications (lower(therapeutic_class), lower(name));
create index medications_org on medications (org_id, lower(name)) where org_id is not null;
create index medications_created_at on medications (created_at);

-- NDCs, 11 digits (5-4-2, no hyphens). org_id copies the product's so uniqueness is per organisation for local
-- products (another organisation's NDC must not be revealed by a conflict) and global for reference ones.
create table medication_ndcs (
    ndc           char(11) not null check (ndc ~ '^[0-9]{11}$'),
    medication_id uuid     not null references medications (id) on delete cascade,
    org_id        uuid     references organizations (id),
    primary key (medication_id, ndc)
);
create unique index medication_ndcs_reference on medication_ndcs (ndc) where org_id is null;
create unique index medication_ndcs_local on medication_ndcs (org_id, ndc) where org_id is not null;
create index medication_ndcs_ndc on medication_ndcs (ndc);

-- Interaction rules as the sources state them (a substance or a class on each side), the sides expanded to
-- ingredient RxCUIs, and every ingredient pair a rule covers (rxcui_low < rxcui_high as text).
create table drug_interaction_rules (
    id              int      primary key,
    source          text     not null,
    source_ref      text     not null,
    left_side       text     not null,
    right_side      text     not null,
    severity        text     not null check (severity in ('contraindicated', 'major', 'moderate', 'minor')),
    severity_rank   smallint not null,
    specificity     smallint not null,
    description     text     not null,
    recommendation  text     not null,
    source_text     text     not null,
    source_language text     not null
);
create table drug_interaction_sides (
    side_key text not null,
    rxcui    text not null,
    primary key (side_key, rxcui)
);
create table drug_interaction_pairs (
    rxcui_low  text not null,
    rxcui_high text not null,
    rule_id    int  not null references drug_interaction_rules (id),
    primary key (rxcui_low, rxcui_high, rule_id),
    check (rxcui_low < rxcui_high)
);
create index drug_interaction_pairs_high on drug_interaction_pairs (rxcui_high, rxcui_low);

-- Row-level security. Reference rows are for every signed-in user; local products for their organisation (a
-- global admin sees all). Admins and pharmacists add and change their organisation's products; only a global
-- admin changes reference products. Nobody deletes through a request role (DELETE deactivates).
alter table medications enable row level security;
create policy medications_read on medications for select to authenticated
    using (org_id is null or org_id = (select rx.org_id()) or (select rx.is_global_admin()));
create policy medications_insert on medications for insert to authenticated
    with check (org_id is not null and source = 'local'
        and ((select rx.is_global_admin())
             or (org_id = (select rx.org_id()) and (select rx.app_role()) in ('admin', 'pharmacist'))));
create policy medications_update on medications for update to authenticated
    using ((select rx.is_global_admin())
        or (org_id = (select rx.org_id()) and (select rx.app_role()) in ('admin', 'pharmacist')))
    with check ((select rx.is_global_admin())
        or (org_id = (select rx.org_id()) and (select rx.app_role()) in ('admin', 'pharmacist')));
grant select, insert, update on medications to authenticated;
grant all on medications to service_role;

alter table medication_ndcs enable row level security;
create policy medication_ndcs_read on medication_ndcs for select to authenticated
    using (org_id is null or org_id = (select rx.org_id()) or (select rx.is_global_admin()));
create policy medication_ndcs_write on medication_ndcs for all to authenticated
    using ((select rx.is_global_admin())
        or (org_id = (select rx.org_id()) and (select rx.app_role()) in ('admin', 'pharmacist')))
    with check ((select rx.is_global_admin())
        or (org_id = (select rx.org_id()) and (select rx.app_role()) in ('admin', 'pharmacist')));
grant select, insert, delete on medication_ndcs to authenticated;
grant all on medication_ndcs to service_role;

-- Knowledge-base tables are read-only reference data for every request role.
alter table medication_ingredients enable row level security;
create policy medication_ingredients_read on medication_ingredients for select to authenticated using (true);
alter table drug_interaction_rules enable row level security;
create policy drug_interaction_rules_read on drug_interaction_rules for select to authenticated using (true);
alter table drug_interaction_sides enable row level security;
create policy drug_interaction_sides_read on drug_interaction_sides for select to authenticated using (true);
alter table drug_interaction_pairs enable row level security;
create policy drug_interaction_pairs_read on drug_interaction_pairs for select to authenticated using (true);
grant select on medication_ingredients, drug_interaction_rules, drug_interaction_sides, drug_interaction_pairs
    to authenticated, service_role;
