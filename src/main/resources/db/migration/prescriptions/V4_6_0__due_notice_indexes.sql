-- Indexes for the scheduled notices (notifications' prescription-expiry-notifications and refill-reminders jobs,
-- through Prescriptions.expiringBetween / suppliesEndingBetween). Both walk keyset pages, so each page is a short
-- range scan of a partial index holding only the prescriptions still in use.

-- Expiry windows: in-use prescriptions by (expires_on, id), the keyset order.
create index prescriptions_in_use_expiry on prescriptions (expires_on, id)
    where status in ('pending', 'approved', 'filled', 'dispensed') and deleted_at is null;

-- Refill reminders: the refillable prescriptions by id (the keyset order); each one's latest fill is then one probe of
-- the unique (prescription_id, fill_number) index, read backwards.
create index prescriptions_refillable on prescriptions (id) include (expires_on, days_supply)
    where status in ('filled', 'dispensed') and refills_remaining > 0 and deleted_at is null;
