-- Appointment reminders. Email is a channel of its own in the client's safe-contact instructions: having an
-- address never means a message may be sent there, so every existing client starts as NOT allowed.
alter table client add column email_ok boolean not null default false;

-- When the counsellor wants the client reminded of this appointment (null: no reminder set, e.g. rows
-- booked before reminders existed).
alter table appointment add column remind_at timestamp with time zone;

-- One row per appointment and channel: what became of the reminder. Never the message text or the
-- address: the state, the attempts and the category of the last error only.
create table appointment_reminder (
    id              uuid        primary key,
    version         bigint      not null default 0,
    appointment_id  uuid        not null references appointment (id),
    channel         varchar(10) not null,
    due_at          timestamp with time zone not null,
    state           varchar(12) not null,
    reason          varchar(40),
    attempts        integer     not null default 0,
    last_error      varchar(40),
    next_attempt_at timestamp with time zone,
    updated_at      timestamp with time zone not null,
    constraint appointment_reminder_channel_known check (channel in ('EMAIL', 'TEXT')),
    constraint appointment_reminder_state_known check (state in ('PENDING', 'RETRYING', 'SENT', 'SUPPRESSED', 'FAILED')),
    constraint appointment_reminder_one_per_channel unique (appointment_id, channel)
);

create index appointment_reminder_due_idx on appointment_reminder (state, next_attempt_at);
