-- Consecutive failed sign-ins and the time a lock-out ends. Changed only by atomic UPDATE statements
-- (never through the entity), so concurrent failures neither lose counts nor clash with @Version.
alter table staff_account add column failed_attempts integer not null default 0;
alter table staff_account add column locked_until timestamp with time zone;
alter table staff_account add constraint staff_account_failed_attempts_not_negative check (failed_attempts >= 0);
