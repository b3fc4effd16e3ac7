-- The tamper-evident audit log. Every entry carries an HMAC-SHA-256 over its own canonical bytes
-- and the previous entry's hash (computed in Java; see org.casebook.audit.ChainHasher). The key is
-- held outside the database, so nobody with only database access can rebuild a consistent chain.
create table audit_entry (
    seq            bigint       primary key,
    occurred_at_ms bigint       not null,
    actor_id       bigint,
    actor_username varchar(64),
    actor_roles    varchar(60),
    action         varchar(32)  not null,
    record_type    varchar(40),
    record_id      varchar(64),
    client_ref     varchar(32),
    outcome        varchar(16)  not null,
    reason         varchar(500),
    source_address varchar(64),
    prev_hash      bytea        not null,
    hash           bytea        not null,
    constraint audit_entry_seq_positive check (seq > 0)
);

create index audit_entry_time_idx on audit_entry (occurred_at_ms);
create index audit_entry_actor_idx on audit_entry (actor_id, seq);
create index audit_entry_client_idx on audit_entry (client_ref, seq);

-- The chain head: one row, locked by every writer for the length of its transaction, so entries
-- get gapless sequence numbers and each links to the one before, however many instances write.
create table audit_chain_head (
    id   integer primary key,
    seq  bigint  not null,
    hash bytea   not null,
    constraint audit_chain_head_single check (id = 1)
);

-- The head's first row (sequence 0, the all-zero genesis hash) is inserted by the vendor migration V3,
-- because PostgreSQL and H2 write binary literals differently.
