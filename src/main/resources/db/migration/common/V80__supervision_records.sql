-- Clinical supervision records: a supervisor's notes of a supervision session with one counsellor of
-- their team. The discussion and the agreed actions are sealed by the application (bytea; see the
-- encryption module). Visible to that supervisor and that counsellor only.
create table supervision_record (
    id             uuid    primary key,
    version        bigint  not null default 0,
    supervisor_id  bigint  not null references staff_account (id),
    counsellor_id  bigint  not null references staff_account (id),
    held_on        date    not null,
    discussion     bytea   not null,
    agreed_actions bytea,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint supervision_record_two_people check (supervisor_id <> counsellor_id)
);

create index supervision_record_supervisor_idx on supervision_record (supervisor_id, held_on);
create index supervision_record_counsellor_idx on supervision_record (counsellor_id, held_on);

-- The clients discussed, by id and by their (pseudonymous, never changing) code.
create table supervision_record_client (
    record_id   uuid        not null references supervision_record (id) on delete cascade,
    client_id   uuid        not null references client (id),
    client_code varchar(12) not null,
    primary key (record_id, client_id)
);
