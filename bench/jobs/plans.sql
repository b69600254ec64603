-- The due-selection queries of the two notice jobs (prescriptions/internal/DueQueries), with the first page's keyset
-- parameters, as the service role runs them: EXPLAIN (ANALYZE, BUFFERS) shows the partial indexes of V4_6_0 at work.
\set ON_ERROR_STOP on
\pset pager off
begin;
set local role service_role;
\echo '== expiry, 7-day window (prescriptions_in_use_expiry)'
explain (analyze, buffers, costs off)
select p.id, p.rx_number, p.patient_id, p.org_id, coalesce(p.pharmacy_id, p.org_id) as pharmacy, p.expires_on
from prescriptions p where p.status in ('pending', 'approved', 'filled', 'dispensed') and p.deleted_at is null
  and p.expires_on between current_date + 1 and current_date + 6
  and (p.expires_on, p.id) > (current_date, '00000000-0000-0000-0000-000000000000'::uuid)
order by p.expires_on, p.id limit 500;
\echo '== refill, supply ending within 3 days (prescriptions_refillable + prescription_fills unique index)'
explain (analyze, buffers, costs off)
select p.id, f.id as fill_id, p.patient_id, p.org_id, coalesce(p.pharmacy_id, p.org_id) as pharmacy,
       f.filled_at + make_interval(days => p.days_supply) as ends_at, p.refills_remaining
from prescriptions p
cross join lateral (select lf.id, lf.filled_at from prescription_fills lf where lf.prescription_id = p.id
                    order by lf.fill_number desc limit 1) f
where p.status in ('filled', 'dispensed') and p.deleted_at is null and p.refills_remaining > 0
  and p.expires_on >= current_date and p.id > '00000000-0000-0000-0000-000000000000'::uuid
  and f.filled_at + make_interval(days => p.days_supply) between now() and now() + interval '3 days'
order by p.id limit 500;
rollback;
