-- Notifications: templates, what was sent to whom (with the in-app copy), the durable outbox of deliveries (one row
-- per recipient x channel), every attempt a worker made, and the device tokens push goes to.
--
-- Rendered subjects and bodies, email addresses and phone numbers are PHI: they live in notifications (in-app copy)
-- and in notification_deliveries only until the delivery ends, and never in notification_attempts or the audit trail.

create table notification_templates (
    id         uuid        primary key default gen_random_uuid(),
    key        text        not null check (key ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    channel    text        not null check (channel in ('email', 'sms', 'push', 'in_app')),
    locale     text        check (locale ~ '^[a-z]{2}(-[A-Z]{2})?$'),
    subject    text        check (char_length(subject) <= 500),
    body       text        not null check (char_length(body) between 1 and 20000),
    version    int         not null default 1,
    active     boolean     not null default true,
    created_by uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    deleted_at timestamptz
);
-- One live template per key, channel and locale (no locale = the default).
create unique index notification_templates_key on notification_templates (key, channel, coalesce(locale, ''))
    where deleted_at is null;
create index notification_templates_list on notification_templates (key, channel) where deleted_at is null;

-- One notification per recipient per send. The in-app copy (title, body) becomes visible to the recipient when its
-- in_app delivery is made (in_app_at). dedup_key lets a job re-run a send without sending twice.
create table notifications (
    id                uuid        primary key default gen_random_uuid(),
    org_id            uuid        references organizations (id),
    recipient_user_id uuid        references users (id),
    patient_id        uuid        references patients (id),
    template_key      text        not null,
    prescription_id   uuid        references prescriptions (id),
    dedup_key         text        check (char_length(dedup_key) between 1 and 200),
    title             text,
    body              text,
    in_app_at         timestamptz,
    read_at           timestamptz,
    created_by        uuid,
    created_at        timestamptz not null default now(),
    constraint notifications_recipient check (recipient_user_id is not null or patient_id is not null)
);
create unique index notifications_dedup on notifications (template_key, coalesce(patient_id, recipient_user_id), dedup_key)
    where dedup_key is not null;
-- The inbox (GET /api/notifications, newest first) and its unread filter.
create index notifications_inbox on notifications (recipient_user_id, in_app_at desc, id desc) where in_app_at is not null;
create index notifications_unread on notifications (recipient_user_id, in_app_at desc) where in_app_at is not null and read_at is null;
create index notifications_patient on notifications (patient_id, created_at) where patient_id is not null;

-- The outbox. queued -> sending (claimed, with a lease) -> sent | queued again (retry at next_attempt_at) | failed;
-- skipped is decided when the request is made (no consent, no contact, channel not configured) and never sent.
create table notification_deliveries (
    id                uuid        primary key default gen_random_uuid(),
    notification_id   uuid        not null references notifications (id),
    org_id            uuid        references organizations (id),
    recipient_user_id uuid        references users (id),
    channel           text        not null check (channel in ('email', 'sms', 'push', 'in_app')),
    status            text        not null check (status in ('queued', 'sending', 'sent', 'failed', 'skipped')),
    reason            text,
    destination       text,
    subject           text,
    body              text,
    attempts          int         not null default 0,
    next_attempt_at   timestamptz not null default now(),
    lease_until       timestamptz,
    provider_message_id text,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    unique (notification_id, channel)
);
-- What the worker claims: due queued rows, and claimed rows whose lease ran out (a worker died).
create index notification_deliveries_due on notification_deliveries (next_attempt_at) where status = 'queued';
create index notification_deliveries_leased on notification_deliveries (lease_until) where status = 'sending';

create table notification_attempts (
    id                  bigint      generated always as identity primary key,
    delivery_id         uuid        not null references notification_deliveries (id),
    attempt_no          int         not null,
    outcome             text        not null check (outcome in ('sent', 'retry', 'failed')),
    provider_status     int,
    provider_message_id text,
    error_code          text,
    node                text,
    started_at          timestamptz not null,
    finished_at         timestamptz not null default now()
);
create index notification_attempts_delivery on notification_attempts (delivery_id, attempt_no);

create table notification_devices (
    id           uuid        primary key default gen_random_uuid(),
    user_id      uuid        not null references users (id),
    token        text        not null unique check (char_length(token) between 8 and 4096),
    platform     text        check (platform in ('android', 'ios', 'web')),
    created_at   timestamptz not null default now(),
    last_seen_at timestamptz not null default now()
);
create index notification_devices_user on notification_devices (user_id);

-- A device token belongs to whoever registered it last (a phone handed to another user, a browser signed in again).
-- SECURITY DEFINER because the row may belong to another user, whom the caller may not see.
create or replace function rx.register_notification_device(device_token text, device_platform text) returns uuid
    language sql volatile security definer
    set search_path = public, rx, pg_temp
as $$
insert into notification_devices (user_id, token, platform) values (rx.uid(), device_token, device_platform)
on conflict (token) do update set user_id = excluded.user_id, platform = excluded.platform, last_seen_at = now()
returning id
$$;
revoke all on function rx.register_notification_device(text, text) from public;
grant execute on function rx.register_notification_device(text, text) to authenticated, service_role;

-- Row-level security. Templates are not PHI: every signed-in user reads them, only a global admin changes them.
alter table notification_templates enable row level security;
create policy notification_templates_read on notification_templates for select to authenticated using (true);
create policy notification_templates_write on notification_templates for all to authenticated
    using ((select rx.is_global_admin())) with check ((select rx.is_global_admin()));
grant select, insert, update on notification_templates to authenticated;
grant all on notification_templates to service_role;

-- A user reads their own notifications; staff and admins of the organisation (a global admin: all) read the
-- organisation's, and create them in its name; only the recipient marks one read.
alter table notifications enable row level security;
create policy notifications_read on notifications for select to authenticated
    using (recipient_user_id = (select rx.uid())
        or (select rx.is_global_admin())
        or ((select rx.app_role()) in ('admin', 'pharmacist', 'technician', 'physician') and org_id = (select rx.org_id())));
create policy notifications_create on notifications for insert to authenticated
    with check (created_by = (select rx.uid())
        and ((select rx.is_global_admin())
            or ((select rx.app_role()) in ('admin', 'pharmacist', 'technician', 'physician') and org_id = (select rx.org_id()))));
create policy notifications_mark_read on notifications for update to authenticated
    using (recipient_user_id = (select rx.uid())) with check (recipient_user_id = (select rx.uid()));
grant select, insert on notifications to authenticated;
grant update (read_at) on notifications to authenticated;
grant all on notifications to service_role;

alter table notification_deliveries enable row level security;
create policy notification_deliveries_read on notification_deliveries for select to authenticated
    using ((select rx.is_global_admin())
        or ((select rx.app_role()) in ('admin', 'pharmacist', 'technician', 'physician') and org_id = (select rx.org_id())));
create policy notification_deliveries_create on notification_deliveries for insert to authenticated
    with check (exists (select 1 from notifications n where n.id = notification_id and n.created_by = (select rx.uid())));
grant select, insert on notification_deliveries to authenticated;
grant all on notification_deliveries to service_role;

-- Attempts are the worker's record: the service only (admins read them through the service's API, not SQL).
alter table notification_attempts enable row level security;
grant all on notification_attempts to service_role;

alter table notification_devices enable row level security;
create policy notification_devices_own on notification_devices for all to authenticated
    using (user_id = (select rx.uid())) with check (user_id = (select rx.uid()));
grant select, delete on notification_devices to authenticated;
grant all on notification_devices to service_role;
