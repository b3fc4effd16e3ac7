-- Data protection: retention reviews, legal holds, the request log (subject access, erasure, rectification),
-- a subject access export's redactions, and rectification history. Free text typed by staff (reasons,
-- passages to withhold, old values) is sealed by the application like other clinical text.

-- An anonymised client keeps its code, status, team and dates (for figures); nobody opens it again.
alter table client add column anonymised_on date;

create table legal_hold (
    id             uuid   primary key,
    version        bigint not null default 0,
    client_id      uuid   not null references client (id),
    reason         bytea  not null,
    placed_by      bigint not null references staff_account (id),
    placed_at      timestamp with time zone not null,
    released_by    bigint references staff_account (id),
    released_at    timestamp with time zone,
    release_reason bytea
);

create index legal_hold_client_idx on legal_hold (client_id, released_at);

-- A record found past its retention date by the daily job, waiting for a supervisor's decision.
create table retention_review (
    id          uuid        primary key,
    version     bigint      not null default 0,
    client_id   uuid        not null references client (id),
    client_code varchar(12) not null,
    team_id     bigint      references team (id),
    rule        varchar(30) not null,
    due_on      date        not null,
    found_on    date        not null,
    status      varchar(20) not null,
    decided_by  bigint      references staff_account (id),
    decided_at  timestamp with time zone,
    constraint retention_review_rule_known check (rule in ('CLOSED_CASE', 'REFERRAL_ONLY', 'SAFEGUARDING_REFERRED')),
    constraint retention_review_status_known check (status in ('PENDING', 'ANONYMISED', 'HELD'))
);

create index retention_review_client_idx on retention_review (client_id, status);
create index retention_review_team_idx on retention_review (team_id, status);

create table data_request (
    id              uuid        primary key,
    version         bigint      not null default 0,
    client_id       uuid        not null references client (id),
    client_code     varchar(12) not null,
    team_id         bigint      references team (id),
    kind            varchar(20) not null,
    received_on     date        not null,
    due_on          date        not null,
    status          varchar(20) not null,
    decision        varchar(20),
    decision_reason bytea,
    completed_on    date,
    created_by      bigint      not null references staff_account (id),
    created_at      timestamp with time zone not null,
    constraint data_request_kind_known check (kind in ('SUBJECT_ACCESS', 'ERASURE', 'RECTIFICATION')),
    constraint data_request_status_known check (status in ('OPEN', 'DONE')),
    constraint data_request_decision_known check (decision is null or decision in ('ERASED', 'REFUSED', 'RELEASED', 'CORRECTED')),
    constraint data_request_due_after_receipt check (due_on >= received_on)
);

create index data_request_team_idx on data_request (team_id, status, due_on);
create index data_request_client_idx on data_request (client_id);

-- A subject access review's choices: an item (or one passage in it) withheld with a reason, or a
-- safeguarding item released with a reason.
create table sar_choice (
    id         uuid         primary key,
    request_id uuid         not null references data_request (id),
    item_key   varchar(200) not null,
    kind       varchar(10)  not null,
    passage    bytea,
    reason     bytea        not null,
    created_by bigint       not null references staff_account (id),
    created_at timestamp with time zone not null,
    constraint sar_choice_kind_known check (kind in ('WITHHOLD', 'RELEASE'))
);

create index sar_choice_request_idx on sar_choice (request_id);

create table rectification (
    id           uuid        primary key,
    client_id    uuid        not null references client (id),
    request_id   uuid        references data_request (id),
    detail       varchar(30) not null,
    old_value    bytea,
    reason       bytea       not null,
    corrected_by bigint      not null references staff_account (id),
    corrected_at timestamp with time zone not null
);

create index rectification_client_idx on rectification (client_id, corrected_at);
