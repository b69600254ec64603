-- db-scheduler's table (PostgreSQL schema of db-scheduler 16.x, src/main/resources/postgresql_tables.sql). Flyway owns
-- it so every copy of the service finds it before the scheduler starts polling. The scheduler connects through the
-- application pool without a transaction-local role, so the login role itself needs the rights; the table holds task
-- names and ids only, never PHI, and has no RLS.
create table if not exists scheduled_tasks
(
  task_name            text                     not null,
  task_instance        text                     not null,
  task_data            bytea,
  execution_time       timestamp with time zone not null,
  picked               boolean                  not null,
  picked_by            text,
  last_success         timestamp with time zone,
  last_failure         timestamp with time zone,
  consecutive_failures int,
  last_heartbeat       timestamp with time zone,
  version              bigint                   not null,
  priority             smallint,
  primary key (task_name, task_instance)
);
create index if not exists execution_time_idx on scheduled_tasks (execution_time);
create index if not exists last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index if not exists priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

grant select, insert, update, delete on scheduled_tasks to ${app_user};
grant select, insert, update, delete on scheduled_tasks to service_role;
