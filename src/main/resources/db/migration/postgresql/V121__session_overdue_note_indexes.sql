-- Notes unsigned past 72 hours (dashboard figure, both home pages): attended appointments with no signed
-- note. These two partial indexes make it an index-only anti-join: the attended appointments of the counsellors
-- by start (id included), probed against the signed notes by appointment, instead of reading every
-- appointment and note row. PostgreSQL only: H2 (the demo) has no partial indexes and no such volumes.
create index appointment_attended_idx on appointment (counsellor_id, starts_at) include (id)
    where outcome = 'ATTENDED';
create index session_note_signed_idx on session_note (appointment_id) where signed_at is not null;
-- Open concerns, counted on dashboards and listed in the queue: a concern is open until it has a closure.
create index safeguarding_concern_team_idx on safeguarding_concern (team_id, raised_at);
