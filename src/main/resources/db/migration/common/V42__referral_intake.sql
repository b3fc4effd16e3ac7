-- A referral: what the charity learned when a person's journey began. One per client (same id). Free text
-- is sealed by the application. The *_match columns are keyed blind indexes (HMAC of normalised values)
-- so possible duplicates can be found without decrypting anyone's details.
create table referral (
    id                  uuid         primary key references client (id),
    version             bigint       not null default 0,
    team_id             bigint       references team (id),
    received_on         date         not null,
    source              varchar(30)  not null,
    referrer_contact    bytea,
    presenting_concern  varchar(30)  not null,
    legal_status        varchar(30)  not null,
    arrested_on         date,
    access_to_children  varchar(30)  not null,
    child_at_risk       boolean      not null default false,
    child_details       bytea,
    self_harm_risk      boolean      not null default false,
    urgency             varchar(20)  not null,
    summary             bytea,
    phone_match         varchar(64),
    email_match         varchar(64),
    name_year_match     varchar(64),
    eligible            boolean,
    triage_reason       bytea,
    triaged_by          bigint       references staff_account (id),
    triaged_at          timestamp with time zone,
    received_by         bigint       not null references staff_account (id),
    created_at          timestamp with time zone not null,
    constraint referral_source_known check (source in ('SELF', 'GP', 'PROBATION', 'POLICE', 'CHILDRENS_SERVICES',
        'SOLICITOR', 'FAMILY_MEMBER', 'OTHER_CHARITY', 'OTHER')),
    constraint referral_referrer_unless_self check (source = 'SELF' or referrer_contact is not null),
    constraint referral_child_details check (not child_at_risk or child_details is not null)
);

create index referral_team_received_idx on referral (team_id, received_on);
create index referral_phone_match_idx on referral (phone_match);
create index referral_email_match_idx on referral (email_match);
create index referral_name_year_match_idx on referral (name_year_match);

-- Where each counsellor works, for matching clients by location (postcode area such as "LS" or "M").
create table counsellor_area (
    staff_id      bigint      primary key references staff_account (id),
    version       bigint      not null default 0,
    postcode_area varchar(8)  not null
);
