-- Risk-minimisation plans: one living plan per client (the head row: current ratings and review date,
-- kept for lists and figures), every saved version kept whole (append-only, text sealed by the application),
-- structured reviews of dynamic risk areas over time, and dates that raise the client's risk to self.
create table risk_plan (
    id               uuid        primary key,
    version          bigint      not null default 0,
    client_id        uuid        not null unique references client (id),
    current_number   integer     not null,
    risk_to_others   varchar(12) not null,
    risk_to_self     varchar(12) not null,
    next_review      date        not null,
    updated_by       bigint      not null references staff_account (id),
    updated_at       timestamp with time zone not null,
    constraint risk_plan_levels_known check (risk_to_others in ('LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH')
        and risk_to_self in ('LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'))
);

create index risk_plan_review_idx on risk_plan (next_review);

create table risk_plan_version (
    id                  uuid        primary key,
    plan_id             uuid        not null references risk_plan (id),
    number              integer     not null,
    goals               bytea,
    triggers            bytea,
    warning_signs       bytea,
    coping              bytea,
    protective_factors  bytea,
    support_network     bytea,
    external_conditions bytea,
    risk_to_others      varchar(12) not null,
    risk_to_self        varchar(12) not null,
    rating_rationale    bytea,
    next_review         date        not null,
    created_by          bigint      not null references staff_account (id),
    created_at          timestamp with time zone not null,
    constraint risk_plan_version_once unique (plan_id, number)
);

create table risk_plan_action (
    id         uuid    primary key,
    version_id uuid    not null references risk_plan_version (id),
    position   integer not null,
    what       bytea   not null,
    who        bytea,
    due_on     date,
    done       boolean not null default false,
    constraint risk_plan_action_once unique (version_id, position)
);

create table risk_review (
    id           uuid    primary key,
    client_id    uuid    not null references client (id),
    reviewed_on  date    not null,
    social_influences       integer not null,
    intimacy_deficits       integer not null,
    sexual_self_regulation  integer not null,
    general_self_regulation integer not null,
    cooperation             integer not null,
    social_influences_comment       bytea,
    intimacy_deficits_comment       bytea,
    sexual_self_regulation_comment  bytea,
    general_self_regulation_comment bytea,
    cooperation_comment             bytea,
    next_review  date    not null,
    created_by   bigint  not null references staff_account (id),
    created_at   timestamp with time zone not null,
    constraint risk_review_scores check (social_influences between 0 and 2 and intimacy_deficits between 0 and 2
        and sexual_self_regulation between 0 and 2 and general_self_regulation between 0 and 2
        and cooperation between 0 and 2)
);

create index risk_review_client_idx on risk_review (client_id, reviewed_on);

create table risk_trigger_date (
    id         uuid        primary key,
    client_id  uuid        not null references client (id),
    kind       varchar(20) not null,
    on_date    date        not null,
    note       bytea,
    created_by bigint      not null references staff_account (id),
    created_at timestamp with time zone not null,
    constraint risk_trigger_kind_known check (kind in ('ARREST', 'CHARGE', 'COURT_HEARING', 'SENTENCING'))
);

create index risk_trigger_date_idx on risk_trigger_date (on_date);

-- Safeguarding concerns are write-once: the concern, its decision, its closure and later comments are
-- separate rows, each inserted once and never changed.
create table safeguarding_concern (
    id            uuid        primary key,
    client_id     uuid        not null references client (id),
    client_code   varchar(12) not null,
    team_id       bigint      references team (id),
    counsellor_id bigint      references staff_account (id),
    category      varchar(30) not null,
    immediate     boolean     not null,
    learned_on    date        not null,
    what_learned  bytea       not null,
    source        varchar(20) not null,
    raised_by     bigint      references staff_account (id),
    raised_at     timestamp with time zone not null,
    constraint safeguarding_category_known check (category in
        ('CHILD_AT_RISK', 'OFFENCE_DISCLOSED', 'SELF_HARM_OR_SUICIDE', 'OTHER'))
);

create index safeguarding_concern_client_idx on safeguarding_concern (client_id);

create table safeguarding_decision (
    id          uuid        primary key,
    concern_id  uuid        not null unique references safeguarding_concern (id),
    outcome     varchar(30) not null,
    reference   varchar(100),
    referred_on date,
    rationale   bytea,
    follow_up   bytea,
    decided_by  bigint      not null references staff_account (id),
    decided_at  timestamp with time zone not null,
    constraint safeguarding_outcome_known check (outcome in
        ('POLICE', 'CHILDRENS_SERVICES', 'LADO', 'NO_FURTHER_ACTION')),
    constraint safeguarding_referral_has_reference check (outcome = 'NO_FURTHER_ACTION'
        or (reference is not null and referred_on is not null)),
    constraint safeguarding_nfa_has_rationale check (outcome <> 'NO_FURTHER_ACTION' or rationale is not null)
);

create table safeguarding_closure (
    id         uuid   primary key,
    concern_id uuid   not null unique references safeguarding_concern (id),
    note       bytea,
    closed_by  bigint not null references staff_account (id),
    closed_at  timestamp with time zone not null
);

create table safeguarding_comment (
    id         uuid   primary key,
    concern_id uuid   not null references safeguarding_concern (id),
    body       bytea  not null,
    created_by bigint not null references staff_account (id),
    created_at timestamp with time zone not null
);

create index safeguarding_comment_concern_idx on safeguarding_comment (concern_id, created_at);
