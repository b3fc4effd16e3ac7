-- PostgreSQL: the ledger stays append-only. An entry may be updated only by the sequencer's one
-- change, setting its block from NULL, with every other column unchanged; never deleted or truncated.
-- Blocks are insert-only; the ledger head may move but not be deleted.
-- The condition is in the trigger's WHEN clause, so the sequencer's allowed update runs no function.
create trigger audit_entry_no_update before update on audit_entry
    for each row
    when (old.block_no is not null or new.block_no is null
        or row(new.seq, new.occurred_at_ms, new.actor_id, new.actor_username, new.actor_roles, new.action,
               new.record_type, new.record_id, new.client_ref, new.outcome, new.reason, new.source_address,
               new.prev_hash, new.hash, new.writer_id, new.writer_seq, new.written_ms)
           is distinct from
           row(old.seq, old.occurred_at_ms, old.actor_id, old.actor_username, old.actor_roles, old.action,
               old.record_type, old.record_id, old.client_ref, old.outcome, old.reason, old.source_address,
               old.prev_hash, old.hash, old.writer_id, old.writer_seq, old.written_ms))
    execute function audit_refuse_change();
create trigger audit_entry_no_delete before delete on audit_entry
    for each row execute function audit_refuse_change();
create trigger audit_block_no_update_or_delete before update or delete on audit_block
    for each row execute function audit_refuse_change();
create trigger audit_block_no_truncate before truncate on audit_block
    for each statement execute function audit_refuse_change();
-- The legacy chain's head is frozen: it is block 0's hash now.
create trigger audit_chain_head_frozen before update on audit_chain_head
    for each row execute function audit_refuse_change();
create trigger audit_ledger_head_no_delete before delete on audit_ledger_head
    for each row execute function audit_refuse_change();
create trigger audit_ledger_head_no_truncate before truncate on audit_ledger_head
    for each statement execute function audit_refuse_change();

do $$
begin
    if exists (select from pg_roles where rolname = '${appRole}') then
        execute 'revoke update, delete, truncate on audit_entry from ${appRole}';
        execute 'grant update (block_no) on audit_entry to ${appRole}';
        execute 'revoke update, delete, truncate on audit_block from ${appRole}';
        execute 'revoke delete, truncate on audit_ledger_head from ${appRole}';
        execute 'revoke update on audit_chain_head from ${appRole}';
    end if;
end
$$;
