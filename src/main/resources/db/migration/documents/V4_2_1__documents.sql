-- Uploaded documents (lab results, referrals, letters, paper prescriptions) and what was extracted from them. Both
-- the bytes and the extracted text and fields are PHI. The bytes live in the database (document_contents) rather
-- than in files: row-level security then guards them like every other PHI row, the upload commits or rolls back
-- as one unit with its audit record, and every copy of the stateless service sees the same documents.
create table documents (
    id              uuid        primary key default gen_random_uuid(),
    org_id          uuid        not null references organizations (id),
    patient_id      uuid        references patients (id),
    uploaded_by     uuid        references users (id),
    file_name       text        check (char_length(file_name) <= 255),
    content_type    text        not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg', 'image/tiff')),
    size_bytes      int         not null check (size_bytes > 0),
    sha256          text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    page_count      int         not null check (page_count > 0),
    type_hint       text        check (type_hint in ('lab_result', 'referral', 'letter', 'prescription')),
    document_type   text        not null check (document_type in ('lab_result', 'referral', 'letter', 'prescription', 'unknown')),
    status          text        not null check (status in ('processed', 'needs_review')),
    review_reason   text        check (review_reason in ('low_confidence', 'validation_failed')),
    confidence      numeric(4, 3) not null check (confidence between 0 and 1),
    extractor       text        not null check (extractor in ('deterministic', 'llm')),
    text_source     text        not null check (text_source in ('text_layer', 'ocr', 'mixed')),
    result          jsonb       not null,
    processing_ms   int         not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         int         not null default 1,
    deleted_at      timestamptz
);
-- One index per list shape (the list adds "deleted_at is null" and the caller's organisation or patient).
create index documents_org_created on documents (org_id, created_at desc, id desc) where deleted_at is null;
create index documents_org_status_created on documents (org_id, status, created_at desc, id desc) where deleted_at is null;
create index documents_org_type_created on documents (org_id, document_type, created_at desc, id desc) where deleted_at is null;
create index documents_patient_created on documents (patient_id, created_at desc, id desc)
    where deleted_at is null and patient_id is not null;

-- The original bytes and the text read from them, kept apart so that lists never touch them.
create table document_contents (
    document_id uuid  primary key references documents (id),
    content     bytea not null,
    text        text  not null
);

-- Row-level security. Staff (admin, pharmacist, technician, physician) of the document's organisation read and
-- change it, a global admin all of them; a patient-role user reads, never changes, the documents linked to their
-- own patient record (the patients policy decides which record that is).
alter table documents enable row level security;
create policy documents_read on documents for select to authenticated
    using ((select rx.is_global_admin())
        or ((select rx.app_role()) in ('admin', 'pharmacist', 'technician', 'physician') and org_id = (select rx.org_id()))
        or ((select rx.app_role()) = 'patient' and patient_id is not null
            and patient_id in (select p.id from patients p where p.user_id = (select rx.uid()))));
create policy documents_insert on documents for insert to authenticated
    with check ((select rx.is_global_admin())
        or ((select rx.app_role()) in ('admin', 'pharmacist', 'technician', 'physician') and org_id = (select rx.org_id())));
create policy documents_change on documents for update to authenticated
    using ((select rx.is_global_admin())
        or ((select rx.app_role()) in ('admin', 'pharmacist', 'technician', 'physician') and org_id = (select rx.org_id())))
    with check ((select rx.is_global_admin())
        or ((select rx.app_role()) in ('admin', 'pharmacist', 'technician', 'physician') and org_id = (select rx.org_id())));
grant select, insert on documents to authenticated;
grant update (patient_id, document_type, status, review_reason, confidence, extractor, result, processing_ms,
              updated_at, version, deleted_at) on documents to authenticated;
grant all on documents to service_role;

alter table document_contents enable row level security;
create policy document_contents_read on document_contents for select to authenticated
    using (exists (select 1 from documents d where d.id = document_id));
create policy document_contents_insert on document_contents for insert to authenticated
    with check ((select rx.app_role()) <> 'patient' and exists (select 1 from documents d where d.id = document_id));
grant select, insert on document_contents to authenticated;
grant all on document_contents to service_role;
