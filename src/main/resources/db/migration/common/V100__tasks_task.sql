-- Tasks: things to do by a date, for oneself or a colleague in the team, optionally about one client.
-- The title may be clinical ("check in after the hearing"), so it is sealed by the application (bytea).
create table task (
    id           uuid        primary key,
    version      bigint      not null default 0,
    title        bytea       not null,
    due_on       date        not null,
    assignee_id  bigint      not null references staff_account (id),
    created_by   bigint      not null references staff_account (id),
    client_id    uuid        references client (id),
    client_code  varchar(12),
    created_at   timestamp with time zone not null,
    done_at      timestamp with time zone,
    done_by      bigint      references staff_account (id),
    constraint task_client_both check ((client_id is null) = (client_code is null))
);

create index task_assignee_idx on task (assignee_id, done_at, due_on);
create index task_client_idx on task (client_id);
