-- Write-once records and anonymisation: re-encryption may still change sealed columns, and now anonymisation
-- may blank columns (set them to null, '' or an empty bytea), never write new content, and only while the
-- anonymising transaction has switched 'casebook.anonymising' on (set_config(..., true): this transaction
-- only). The data-protection module's Anonymiser is the one caller; it runs after a supervisor's approval and
-- writes its audit entries in the same transaction. Deletes and truncation stay refused.
create or replace function riskplan_refuse_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and (to_jsonb(new) - tg_argv) = (to_jsonb(old) - tg_argv) then
        return new;
    end if;
    if tg_op = 'UPDATE' and coalesce(current_setting('casebook.anonymising', true), '') = 'on' and not exists (
            select 1 from jsonb_each(to_jsonb(new)) n join jsonb_each(to_jsonb(old)) o on o.key = n.key
            where n.value is distinct from o.value
              and n.value not in ('null'::jsonb, '""'::jsonb, '"\\x"'::jsonb)) then
        return new;
    end if;
    raise exception 'this record is write-once: % on % is not allowed', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;
