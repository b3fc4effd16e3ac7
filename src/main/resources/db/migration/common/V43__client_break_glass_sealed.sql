-- A break-glass reason and a reviewer's escalation note are free text about a client: the application now
-- seals them with FieldEncryption like other clinical text. Rows written before keep their clear text
-- until client.BreakGlassSealing seals it at the next start and empties the clear columns.
alter table break_glass_access add column sealed_reason bytea;
alter table break_glass_access add column sealed_review_note bytea;
alter table break_glass_access drop constraint break_glass_reason_given;
alter table break_glass_access alter column reason drop not null;
