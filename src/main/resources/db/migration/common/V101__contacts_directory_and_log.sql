-- Contacts around clients: a directory of third parties (probation officers, GPs, solicitors, social
-- workers, police contacts), their links to clients, and each client's contact log. Names, contact
-- details, relationships and summaries are sealed by the application (bytea); only the kinds and times
-- are in clear, for lists.
create table contact (
    id            uuid        primary key,
    version       bigint      not null default 0,
    role          varchar(20) not null,
    name          bytea       not null,
    organisation  bytea,
    phone         bytea,
    email         bytea,
    created_by    bigint      not null references staff_account (id),
    created_at    timestamp with time zone not null
);

create table client_contact (
    id            uuid        primary key,
    client_id     uuid        not null references client (id),
    client_code   varchar(12) not null,
    contact_id    uuid        not null references contact (id),
    relationship  bytea       not null,
    linked_by     bigint      not null references staff_account (id),
    linked_at     timestamp with time zone not null,
    constraint client_contact_once unique (client_id, contact_id)
);

create table client_contact_log (
    id            uuid        primary key,
    client_id     uuid        not null references client (id),
    client_code   varchar(12) not null,
    happened_at   timestamp with time zone not null,
    kind          varchar(10) not null,
    direction     varchar(10) not null,
    who           bytea       not null,
    summary       bytea       not null,
    recorded_by   bigint      not null references staff_account (id),
    recorded_at   timestamp with time zone not null
);

create index client_contact_log_client_idx on client_contact_log (client_id, happened_at);
