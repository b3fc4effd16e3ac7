-- Consecutive refused second-factor codes (authenticator or recovery), counted apart from failed
-- passwords: a correct password never clears it, only an accepted code (or an administrator's unlock).
-- Changed only by atomic UPDATE statements, like failed_attempts.
alter table staff_account add column failed_codes integer not null default 0;
alter table staff_account add constraint staff_account_failed_codes_not_negative check (failed_codes >= 0);
