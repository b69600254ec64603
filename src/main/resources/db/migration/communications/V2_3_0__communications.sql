-- Communications: messages between users of one organisation, optionally about a patient or a prescription, with a
-- read time per recipient. Subject and body may hold PHI: they are never copied into audit rows or logs.
--
-- patient_id and prescription_id are plain uuids for now: the patients and prescriptions tables are being built in
-- parallel, and their owners add the foreign keys (with "not valid" + "validate" if rows exist by then).
create table communications (
    id              uuid        primary key default gen_random_uuid(),
    org_id          uuid        not null references organizations (id),
    sender_id       uuid        not null references users (id),
    patient_id      uuid,
    prescription_id uuid,
    channel         text        not null check (channel in ('in_app', 'email', 'sms', 'phone', 'fax', 'portal')),
    subject         text        not null check (char_length(subject) between 1 and 200),
    body            text        not null check (char_length(body) between 1 and 10000),
    sent_at         timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         int         not null default 1,
    deleted_at      timestamptz
);
-- One index per list shape: staff see their organisation's, everyone their own sent ones, and the patient and
-- prescription filters (also the patient history timeline). Deleted rows are never listed, so they are left out.
create index communications_org_sent on communications (org_id, sent_at desc, id desc) where deleted_at is null;
create index communications_sender_sent on communications (sender_id, sent_at desc, id desc) where deleted_at is null;
create index communications_patient_sent on communications (patient_id, sent_at desc, id desc)
    where deleted_at is null and patient_id is not null;
create index communications_prescription_sent on communications (prescription_id, sent_at desc, id desc)
    where deleted_at is null and prescription_id is not null;

-- One row per recipient. org_id repeats the communication's (for the staff policy without a join); deleted_at
-- repeats its soft delete (kept in step by a trigger) so that unread counts need no join.
create table communication_recipients (
    communication_id uuid        not null references communications (id),
    recipient_id     uuid        not null references users (id),
    org_id           uuid        not null references organizations (id),
    read_at          timestamptz,
    deleted_at       timestamptz,
    primary key (communication_id, recipient_id)
);
-- "What was sent to me" (a patient's list) and the unread count / unread filter, answered from small indexes.
create index communication_recipients_recipient on communication_recipients (recipient_id, communication_id);
create index communication_recipients_unread on communication_recipients (recipient_id, communication_id)
    where read_at is null and deleted_at is null;

-- True when the caller sent or received the communication. SECURITY DEFINER so that the two tables' policies can
-- refer to each other without recursing.
create or replace function rx.is_communication_participant(comm uuid) returns boolean
    language sql stable security definer
    set search_path = public, rx, pg_temp
as $$
select exists (select 1 from communications c where c.id = comm and c.sender_id = rx.uid())
    or exists (select 1 from communication_recipients r where r.communication_id = comm and r.recipient_id = rx.uid())
$$;
revoke all on function rx.is_communication_participant(uuid) from public;
grant execute on function rx.is_communication_participant(uuid) to authenticated, service_role;

-- Which of the candidates the caller may address: active users of the caller's organisation (any organisation for
-- a global admin). A patient may address staff only, never another patient. Answers for users the caller cannot
-- otherwise read (a patient cannot read staff profiles), and reveals nothing beyond "allowed or not".
create or replace function rx.addressable_users(candidates uuid[]) returns table (user_id uuid, org_id uuid)
    language sql stable security definer
    set search_path = public, rx, pg_temp
as $$
select u.id, u.org_id from users u
where u.id = any (candidates) and u.is_active and u.org_id is not null
  and (rx.is_global_admin() or u.org_id = rx.org_id())
  and (coalesce(rx.app_role(), '') <> 'patient' or u.role <> 'patient')
$$;
revoke all on function rx.addressable_users(uuid[]) from public;
grant execute on function rx.addressable_users(uuid[]) to authenticated, service_role;

-- Marks the communication read for the caller, once. It takes a share lock on the communication, which conflicts
-- with the row lock an edit takes: an edit and a first read are serialised, so an edit either lands before the
-- read or sees it and is refused. Returns no row when the caller is not a recipient (or it is deleted).
create or replace function rx.mark_communication_read(comm uuid) returns table (marked_at timestamptz, newly_read boolean)
    language plpgsql security definer
    set search_path = public, rx, pg_temp
as $$
declare
    existing timestamptz;
begin
    perform 1 from communications c where c.id = comm and c.deleted_at is null for share;
    if not found then
        return;
    end if;
    select r.read_at into existing from communication_recipients r
    where r.communication_id = comm and r.recipient_id = rx.uid() for update;
    if not found then
        return;
    end if;
    if existing is not null then
        return query select existing, false;
        return;
    end if;
    update communication_recipients r set read_at = now()
    where r.communication_id = comm and r.recipient_id = rx.uid() returning r.read_at into existing;
    return query select existing, true;
end
$$;
revoke all on function rx.mark_communication_read(uuid) from public;
grant execute on function rx.mark_communication_read(uuid) to authenticated, service_role;

-- Keeps the recipients' copy of deleted_at in step (the sender may not update recipient rows directly).
create or replace function rx.communications_propagate_delete() returns trigger
    language plpgsql security definer
    set search_path = public, rx, pg_temp
as $$
begin
    update communication_recipients set deleted_at = new.deleted_at where communication_id = new.id;
    return null;
end
$$;
create trigger communications_propagate_delete after update of deleted_at on communications
    for each row when (new.deleted_at is distinct from old.deleted_at)
    execute function rx.communications_propagate_delete();

-- Defence in depth for the API's rule: once any recipient has read it, the content is what they read.
create or replace function rx.communications_guard() returns trigger
    language plpgsql security definer
    set search_path = public, rx, pg_temp
as $$
begin
    if (new.subject, new.body, new.channel) is distinct from (old.subject, old.body, old.channel)
        and exists (select 1 from communication_recipients r where r.communication_id = new.id and r.read_at is not null) then
        raise exception 'a communication cannot be edited after it has been read' using errcode = '23514';
    end if;
    return new;
end
$$;
create trigger communications_guard before update on communications
    for each row execute function rx.communications_guard();

-- Row-level security. Staff (admin, pharmacist, technician, physician) see their organisation's communications,
-- a global admin all of them, anyone else (patients) only those they sent or received. Only the sender or an
-- admin of the organisation changes one; content and placement columns are the only ones request roles may set.
alter table communications enable row level security;
create policy communications_read on communications for select to authenticated
    using ((select rx.is_global_admin())
        or (org_id = (select rx.org_id()) and (select rx.app_role()) in ('admin', 'pharmacist', 'technician', 'physician'))
        or sender_id = (select rx.uid())
        or rx.is_communication_participant(id));
create policy communications_send on communications for insert to authenticated
    with check (sender_id = (select rx.uid()) and ((select rx.is_global_admin()) or org_id = (select rx.org_id())));
create policy communications_change on communications for update to authenticated
    using (sender_id = (select rx.uid()) or rx.administers(org_id))
    with check (sender_id = (select rx.uid()) or rx.administers(org_id));
grant select, insert on communications to authenticated;
grant update (subject, body, channel, deleted_at, updated_at, version) on communications to authenticated;
grant all on communications to service_role;

alter table communication_recipients enable row level security;
create policy communication_recipients_read on communication_recipients for select to authenticated
    using (recipient_id = (select rx.uid())
        or (select rx.is_global_admin())
        or (org_id = (select rx.org_id()) and (select rx.app_role()) in ('admin', 'pharmacist', 'technician', 'physician'))
        or rx.is_communication_participant(communication_id));
create policy communication_recipients_add on communication_recipients for insert to authenticated
    with check (exists (select 1 from communications c
                        where c.id = communication_recipients.communication_id and c.sender_id = (select rx.uid())
                          and c.org_id = communication_recipients.org_id));
-- No update grant: read times change only through rx.mark_communication_read, deletions through the trigger.
grant select, insert on communication_recipients to authenticated;
grant all on communication_recipients to service_role;
