-- Recurring appointments: the appointments of one series share a series id; each stays its own row, so
-- one can be moved or cancelled and the rest keep their times.
alter table appointment add column series_id uuid;
create index appointment_series_idx on appointment (series_id, starts_at);
create index appointment_counsellor_time_idx on appointment (counsellor_id, starts_at);

-- Each counsellor's working hours, one span per weekday (1 = Monday ... 7 = Sunday). None set: no check.
create table working_hours (
    staff_id     bigint   not null references staff_account (id),
    day_of_week  smallint not null,
    starts_at    time     not null,
    ends_at      time     not null,
    primary key (staff_id, day_of_week),
    constraint working_hours_day check (day_of_week between 1 and 7),
    constraint working_hours_order check (starts_at < ends_at)
);
