-- The status work queues (GET /api/prescriptions?status=), one index per branch of the list's scope (organisation,
-- pharmacy, prescriber; see ScopeUnion). Each covers the id, the sort key and every column the row-level-security
-- policy reads, so a page's branch and a list's bounded count are index-only scans that stop after the page or at the
-- cap instead of visiting every row. They replace the two status indexes of V2_2_0/V2_2_1; the organisation one was not
-- partial, so its rows had to be visited to skip deleted prescriptions. The prescriber branch (prescriptions written
-- for other organisations) read all of a prescriber's prescriptions to find the few of one status.
create index prescriptions_org_status_queue on prescriptions (org_id, status, created_at desc)
    include (id, pharmacy_id, prescriber_id, patient_id) where deleted_at is null;
create index prescriptions_pharmacy_status_queue on prescriptions (pharmacy_id, status, created_at desc)
    include (id, org_id, prescriber_id, patient_id) where deleted_at is null;
create index prescriptions_prescriber_status_queue on prescriptions (prescriber_id, status, created_at desc)
    include (id, org_id, pharmacy_id, patient_id) where deleted_at is null;
drop index if exists prescriptions_status;
drop index if exists prescriptions_pharmacy_status;
