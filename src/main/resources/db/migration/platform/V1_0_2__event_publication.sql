-- Spring Modulith's JDBC event publication registry (the outbox), Modulith 2.0 schema for PostgreSQL, copied from
-- spring-modulith-events-jdbc 2.0.3 (schemas/v2/schema-postgresql.sql). Flyway owns it, so
-- spring.modulith.events.jdbc.schema-initialization stays off.
create table if not exists event_publication
(
  id                     uuid not null,
  listener_id            text not null,
  event_type             text not null,
  serialized_event       text not null,
  publication_date       timestamp with time zone not null,
  completion_date        timestamp with time zone,
  status                 text,
  completion_attempts    int,
  last_resubmission_date timestamp with time zone,
  primary key (id)
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash(serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);

-- The registry runs its own transactions through RlsTransactionManager: inside the publishing request (authenticated),
-- on listener threads and at start-up, where no user is signed in (anon), and as the service. Events carry ids only,
-- never PHI, so every role the service's transactions take may read and write the table; no RLS on it.
grant select, insert, update, delete on event_publication to ${app_user};
grant select, insert, update, delete on event_publication to authenticated;
grant select, insert, update, delete on event_publication to service_role;
grant select, insert, update, delete on event_publication to anon;
