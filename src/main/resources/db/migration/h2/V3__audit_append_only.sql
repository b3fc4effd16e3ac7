insert into audit_chain_head (id, seq, hash)
values (1, 0, X'0000000000000000000000000000000000000000000000000000000000000000');

-- H2's nearest equivalent of the PostgreSQL triggers: a Java trigger refuses UPDATE and DELETE of
-- entries and deletion of the chain head. (H2 has no TRUNCATE trigger and no separate roles here.)
create trigger audit_entry_append_only before update, delete on audit_entry
    for each row call 'org.casebook.audit.AppendOnlyH2Trigger';
create trigger audit_chain_head_keep before delete on audit_chain_head
    for each row call 'org.casebook.audit.AppendOnlyH2Trigger';
