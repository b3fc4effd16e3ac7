insert into audit_chain_head (id, seq, hash) values (1, 0, decode(repeat('00', 32), 'hex'));

-- PostgreSQL: the audit log is append-only. Triggers refuse UPDATE, DELETE and TRUNCATE of entries
-- and the deletion of the chain head; the application role loses those privileges altogether
-- (only a superuser, who can disable triggers, could still alter rows, and verification finds that).
create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % on % is not allowed', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_entry_no_update_or_delete before update or delete on audit_entry
    for each row execute function audit_refuse_change();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_refuse_change();
create trigger audit_chain_head_no_delete before delete on audit_chain_head
    for each row execute function audit_refuse_change();
create trigger audit_chain_head_no_truncate before truncate on audit_chain_head
    for each statement execute function audit_refuse_change();

do $$
begin
    if exists (select from pg_roles where rolname = '${appRole}') then
        execute 'revoke update, delete, truncate on audit_entry from ${appRole}';
        execute 'revoke delete, truncate on audit_chain_head from ${appRole}';
    end if;
end
$$;
