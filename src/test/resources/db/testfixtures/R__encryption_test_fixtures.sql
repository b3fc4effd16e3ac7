-- Test-only: a table shaped like a clinical one (application-assigned UUID, encrypted columns as bytea),
-- for the encryption module's tests. Lives in src/test, so it never reaches the production jar.
create table if not exists encryption_test_note (
    id          uuid        primary key,
    client_code varchar(20) not null,
    summary     bytea,
    detail      bytea
);
