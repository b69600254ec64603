-- Lists filter by organisation (or filling pharmacy) first: give the expiry and controlled filters their own
-- organisation-leading indexes so a list never reads the whole table.
create index prescriptions_org_expires on prescriptions (org_id, expires_on) where deleted_at is null;
create index prescriptions_pharmacy_expires on prescriptions (pharmacy_id, expires_on) where deleted_at is null;
create index prescriptions_pharmacy_status on prescriptions (pharmacy_id, status, created_at desc) where deleted_at is null;
