-- H2's nearest equivalent of the PostgreSQL ledger triggers (Java triggers): an entry may only have
-- its block set from NULL; blocks are insert-only; the ledger head is never deleted.
create trigger audit_entry_append_only before update, delete on audit_entry
    for each row call 'org.casebook.audit.AuditEntryH2Trigger';
create trigger audit_block_append_only before update, delete on audit_block
    for each row call 'org.casebook.audit.AppendOnlyH2Trigger';
create trigger audit_ledger_head_keep before delete on audit_ledger_head
    for each row call 'org.casebook.audit.AppendOnlyH2Trigger';
create trigger audit_chain_head_frozen before update on audit_chain_head
    for each row call 'org.casebook.audit.AppendOnlyH2Trigger';
