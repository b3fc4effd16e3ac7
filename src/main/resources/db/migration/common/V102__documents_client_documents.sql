-- Client documents (referral letters, court orders, licence conditions, letters sent). A document has a
-- category and a sealed title; each upload adds a version, never replacing one. A version's content is
-- stored in chunks, each sealed by the application and bound to its version, position and whether it is
-- the last, so the file is never held unencrypted in the database or on disk.
create table client_document (
    id           uuid        primary key,
    version      bigint      not null default 0,
    client_id    uuid        not null references client (id),
    client_code  varchar(12) not null,
    category     varchar(20) not null,
    title        bytea       not null,
    created_by   bigint      not null references staff_account (id),
    created_at   timestamp with time zone not null
);

create index client_document_client_idx on client_document (client_id);

create table client_document_version (
    id             uuid         primary key,
    document_id    uuid         not null references client_document (id),
    number         integer      not null,
    document_date  date         not null,
    media_type     varchar(100) not null,
    size_bytes     bigint       not null,
    chunks         integer      not null,
    file_name      bytea        not null,
    uploaded_by    bigint       not null references staff_account (id),
    uploaded_at    timestamp with time zone not null,
    constraint client_document_version_number unique (document_id, number)
);

create table client_document_chunk (
    version_id  uuid    not null references client_document_version (id),
    seq         integer not null,
    body        bytea   not null,
    primary key (version_id, seq)
);
