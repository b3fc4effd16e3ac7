-- A referral whose details matched a client the person taking it may not open (another team's, or one
-- they are excluded from). The person is told only that a match exists; the supervisors of the referral's
-- team see this flag in triage. Which client matched is in the audit log, never on the referral.
alter table referral add column match_elsewhere boolean not null default false;
