-- The client record: a pseudonymous code, the state of the case, and personal details sealed by the
-- application (bytea; see the encryption module). Exclusions and break-glass grants decide, with the
-- assignment, who may open it.
create table client (
    id                uuid         primary key,
    version           bigint       not null default 0,
    code              varchar(12)  not null unique,
    status            varchar(20)  not null,
    team_id           bigint       references team (id),
    counsellor_id     bigint       references staff_account (id),
    received_on       date         not null,
    priority          integer,
    preferred_name    bytea        not null,
    year_of_birth     integer,
    postcode_district varchar(8),
    phone             bytea,
    email             bytea,
    postal_address    bytea,
    voicemail_ok      boolean      not null default false,
    text_ok           boolean      not null default false,
    letter_ok         boolean      not null default false,
    best_times        bytea,
    contact_notes     bytea,
    closed_on         date,
    closure_reason    varchar(30),
    closing_summary   bytea,
    created_at        timestamp with time zone not null,
    constraint client_status_known check (status in ('RECEIVED', 'TRIAGED', 'WAITING', 'ASSIGNED', 'ACTIVE', 'CLOSED')),
    constraint client_assigned_has_counsellor check (status not in ('ASSIGNED', 'ACTIVE') or counsellor_id is not null),
    constraint client_closed_has_reason check (status <> 'CLOSED' or (closed_on is not null and closure_reason is not null)),
    constraint client_priority_range check (priority is null or priority between 1 and 3),
    constraint client_year_of_birth_plausible check (year_of_birth is null or year_of_birth between 1900 and 2100)
);

create index client_counsellor_idx on client (counsellor_id, status);
create index client_team_idx on client (team_id, status);

create table client_exclusion (
    id         uuid   primary key,
    client_id  uuid   not null references client (id),
    staff_id   bigint not null references staff_account (id),
    reason     bytea  not null,
    created_by bigint not null references staff_account (id),
    created_at timestamp with time zone not null,
    constraint client_exclusion_once unique (client_id, staff_id)
);

create table break_glass_access (
    id          uuid         primary key,
    version     bigint       not null default 0,
    client_id   uuid         not null references client (id),
    staff_id    bigint       not null references staff_account (id),
    reason      varchar(500) not null,
    granted_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    review      varchar(20)  not null default 'PENDING',
    reviewed_by bigint       references staff_account (id),
    reviewed_at timestamp with time zone,
    review_note varchar(500),
    constraint break_glass_review_known check (review in ('PENDING', 'ACKNOWLEDGED', 'ESCALATED')),
    constraint break_glass_reason_given check (length(trim(reason)) >= 10)
);

create index break_glass_staff_client_idx on break_glass_access (staff_id, client_id, expires_at);
create index break_glass_review_idx on break_glass_access (review, granted_at);
