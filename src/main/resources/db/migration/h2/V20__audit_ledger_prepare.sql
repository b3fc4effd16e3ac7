-- The audit log becomes a ledger (see org.casebook.audit package documentation). H2 version of the
-- PostgreSQL migration: the entry trigger goes until V22; prev_hash is only for legacy entries; entry
-- numbers come from a sequence.
drop trigger audit_entry_append_only;

alter table audit_entry alter column prev_hash set null;

create sequence audit_entry_seq;
alter sequence audit_entry_seq restart with (select coalesce(max(seq), 0) + 1 from audit_entry);
alter table audit_entry alter column seq set default next value for audit_entry_seq;
