-- The audit log becomes a ledger (see org.casebook.audit package documentation). First, on PostgreSQL:
-- the entry triggers are replaced in V22 (they must let the sequencer set an entry's block, once), so
-- they go now, before V21 marks the existing entries as the legacy segment, block 0.
drop trigger audit_entry_no_update_or_delete on audit_entry;

-- Ledger entries do not link to the entry before them; only legacy entries have a previous hash.
alter table audit_entry alter column prev_hash drop not null;

-- Entry numbers come from a sequence: no lock shared between writers. Gaps (rolled-back transactions)
-- are allowed at this level; each writer's own numbering (writer_id, writer_seq) has none.
create sequence audit_entry_seq;
select setval('audit_entry_seq', (select coalesce(max(seq), 0) + 1 from audit_entry), false);
alter table audit_entry alter column seq set default nextval('audit_entry_seq');
