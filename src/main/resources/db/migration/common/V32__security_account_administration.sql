-- An account created or reset by an administrator holds a one-time password, which its owner must
-- replace at their next sign-in before they can open anything else.
alter table staff_account add column must_change_password boolean not null default false;
