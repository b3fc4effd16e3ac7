-- The audit ledger. Each entry carries its own keyed MAC (in "hash"), computed in its writing transaction
-- without any shared lock, and its writer's gapless numbering (writer_id, writer_seq). A single
-- sequencer chains committed entries into blocks: it sets an entry's block_no once, from NULL (the
-- triggers of V22 allow exactly that), and appends the block, whose keyed hash covers the previous
-- block's hash and the number and MAC of each of its entries.
alter table audit_entry add column writer_id varchar(48);
alter table audit_entry add column writer_seq bigint;
alter table audit_entry add column block_no bigint;
-- When the entry was written (the writer's wall clock): only to report entries left unchained too long.
alter table audit_entry add column written_ms bigint;

create unique index audit_entry_writer_idx on audit_entry (writer_id, writer_seq);
-- Verification's order (block, then number) and the sequencer's search for unchained entries (NULL).
create index audit_entry_block_idx on audit_entry (block_no, seq);

create table audit_block (
    block_no     bigint  primary key,
    prev_hash    bytea,
    entry_count  integer not null,
    first_seq    bigint,
    last_seq     bigint,
    sealed_at_ms bigint  not null,
    hash         bytea   not null,
    constraint audit_block_count check (entry_count >= 0)
);

-- The last block, which the sequencer locks (select ... for update) so that one instance at a time
-- chains: the lock is the ledger's only shared one, and writers never take it.
create table audit_ledger_head (
    id       integer primary key,
    block_no bigint  not null,
    hash     bytea   not null,
    constraint audit_ledger_head_single check (id = 1)
);

-- The entries written before the ledger are its genesis segment, block 0: they keep their prev-hash
-- chain, verified as before, and the frozen head of that chain (audit_chain_head) is block 0's hash,
-- which block 1 chains to.
update audit_entry set block_no = 0;
insert into audit_block (block_no, prev_hash, entry_count, first_seq, last_seq, sealed_at_ms, hash)
select 0, null, 0, null, seq, 0, hash from audit_chain_head where id = 1;
update audit_block set entry_count = (select count(*) from audit_entry where block_no = 0),
    first_seq = (select min(seq) from audit_entry where block_no = 0) where block_no = 0;
insert into audit_ledger_head (id, block_no, hash) select 1, 0, hash from audit_chain_head where id = 1;
