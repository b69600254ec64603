-- Old audit records for the audit-log-archival benchmark: :rows records dated 120 days ago, put at the START of the
-- live chain (archival takes the chain's oldest prefix, so old records appended after today's would never be due).
-- In one transaction, as the owner: hold the chain head (appends wait), set it back to just before the first live
-- record, remove the live records, append the old ones through rx.audit_append (the chain's own hashing), then
-- append the removed records again in their order (same ids, times and contents, new sequence numbers). The chain
-- still verifies, including across segments an earlier run archived.
--   psql -v rows=500000 -f bench/jobs/seed-audit.sql
\set ON_ERROR_STOP on
\set QUIET on
\timing on
begin;
lock table audit_chain_head in exclusive mode;
create temp table live on commit drop as select * from audit_log order by seq;
update audit_chain_head h set last_seq = l.seq - 1, last_hash = l.prev_hash
from (select seq, prev_hash from live order by seq limit 1) l where h.id = 1;
delete from audit_log;
select count(rx.audit_append((
    select jsonb_agg(jsonb_build_object('occurredAt', now() - interval '120 days' + make_interval(secs => i),
                                        'actorId', 'bench', 'actorRole', 'service', 'action', 'bench.seed',
                                        'resourceType', 'bench', 'resourceId', i::text, 'details', jsonb_build_object('n', i))
                     order by i)
    from generate_series(c, least(c + 49999, :rows)) i))) as chunks
from generate_series(1, :rows, 50000) c;
select rx.audit_append(coalesce((
    select jsonb_agg(jsonb_build_object('id', id, 'occurredAt', occurred_at, 'actorId', actor_id, 'actorRole', actor_role,
                                        'orgId', org_id, 'action', action, 'resourceType', resource_type,
                                        'resourceId', resource_id, 'changedFields', to_jsonb(changed_fields),
                                        'outcome', outcome, 'ip', ip, 'userAgent', user_agent, 'requestId', request_id,
                                        'details', details) order by seq)
    from live), '[]'::jsonb)) as head;
commit;
analyze audit_log;
select count(*) as audit_rows, count(*) filter (where occurred_at < now() - interval '90 days') as older_than_90_days from audit_log;
