-- A create retried with the same Idempotency-Key replays the first response. The row is written in the same
-- transaction as the create, so a crash leaves either both or neither.
create table idempotency_keys (
    user_id       uuid        not null,
    key           text        not null,
    method        text        not null,
    path          text        not null,
    request_hash  bytea       not null,
    status        int         not null default 0,
    response_body bytea,
    content_type  text,
    location      text,
    created_at    timestamptz not null default now(),
    primary key (user_id, key)
);
create index idempotency_keys_created_at on idempotency_keys (created_at);
alter table idempotency_keys enable row level security;
create policy idempotency_own on idempotency_keys for all to authenticated
    using (user_id = (select rx.uid())) with check (user_id = (select rx.uid()));
grant select, insert, update on idempotency_keys to authenticated;
grant select, insert, update, delete on idempotency_keys to service_role;

-- Bucket4j's token buckets, shared by every copy of the service. Not PHI; the pool role uses it directly.
create table rate_limit_bucket (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);
grant select, insert, update, delete on rate_limit_bucket to ${app_user};
