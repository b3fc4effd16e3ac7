-- Appointments, attendance, session notes (sealed section by section), addenda and CORE-10 scores.
-- The client code is copied onto each row (codes never change) so lists need no join across modules.
create table appointment (
    id                  uuid        primary key,
    version             bigint      not null default 0,
    client_id           uuid        not null references client (id),
    client_code         varchar(12) not null,
    counsellor_id       bigint      not null references staff_account (id),
    starts_at           timestamp with time zone not null,
    ends_at             timestamp with time zone not null,
    modality            varchar(12) not null,
    location            bytea,
    outcome             varchar(30),
    outcome_recorded_at timestamp with time zone,
    created_by          bigint      not null references staff_account (id),
    created_at          timestamp with time zone not null,
    constraint appointment_modality_known check (modality in ('IN_PERSON', 'VIDEO', 'PHONE')),
    constraint appointment_outcome_known check (outcome is null
        or outcome in ('ATTENDED', 'DID_NOT_ATTEND', 'CANCELLED_BY_CLIENT', 'CANCELLED_BY_COUNSELLOR')),
    constraint appointment_ends_after_start check (ends_at > starts_at),
    constraint appointment_in_person_has_place check (modality <> 'IN_PERSON' or location is not null)
);

create index appointment_counsellor_idx on appointment (counsellor_id, starts_at);
create index appointment_client_idx on appointment (client_id, starts_at);

create table session_note (
    id                uuid        primary key,
    version           bigint      not null default 0,
    appointment_id    uuid        not null unique references appointment (id),
    client_id         uuid        not null references client (id),
    client_code       varchar(12) not null,
    author_id         bigint      not null references staff_account (id),
    presentation      bytea,
    themes            bytea,
    risk_observations bytea,
    interventions     bytea,
    agreed_actions    bytea,
    next_plan         bytea,
    risk_changed      varchar(10),
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    signed_at         timestamp with time zone,
    co_signed_by      bigint      references staff_account (id),
    co_signed_at      timestamp with time zone,
    co_sign_comment   bytea,
    constraint session_note_risk_answer_known check (risk_changed is null or risk_changed in ('YES', 'NO', 'UNSURE')),
    constraint session_note_co_sign_after_sign check (co_signed_at is null or signed_at is not null)
);

create table session_note_addendum (
    id         uuid   primary key,
    note_id    uuid   not null references session_note (id),
    author_id  bigint not null references staff_account (id),
    body       bytea  not null,
    signed_at  timestamp with time zone not null
);

create index session_note_addendum_note_idx on session_note_addendum (note_id, signed_at);

-- Scores are numbers, kept in clear so that outcome figures can be computed in the database.
create table core10_score (
    id            uuid        primary key,
    client_id     uuid        not null references client (id),
    client_code   varchar(12) not null,
    counsellor_id bigint      references staff_account (id),
    measured_on   date        not null,
    point         varchar(10) not null,
    item_1  integer not null, item_2  integer not null, item_3 integer not null, item_4 integer not null,
    item_5  integer not null, item_6  integer not null, item_7 integer not null, item_8 integer not null,
    item_9  integer not null, item_10 integer not null,
    total         integer     not null,
    recorded_by   bigint      not null references staff_account (id),
    recorded_at   timestamp with time zone not null,
    constraint core10_point_known check (point in ('INTAKE', 'REVIEW', 'CLOSURE')),
    constraint core10_items_range check (item_1 between 0 and 4 and item_2 between 0 and 4 and item_3 between 0 and 4
        and item_4 between 0 and 4 and item_5 between 0 and 4 and item_6 between 0 and 4 and item_7 between 0 and 4
        and item_8 between 0 and 4 and item_9 between 0 and 4 and item_10 between 0 and 4),
    constraint core10_total_is_sum check (total = item_1 + item_2 + item_3 + item_4 + item_5 + item_6 + item_7
        + item_8 + item_9 + item_10),
    constraint core10_once_a_day unique (client_id, measured_on)
);

create index core10_counsellor_idx on core10_score (counsellor_id, point);
