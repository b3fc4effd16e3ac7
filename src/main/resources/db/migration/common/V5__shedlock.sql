-- ShedLock's lock rows: a scheduled job (audit anchors, scheduled verification, ...) runs on one
-- application instance at a time. Times are the database's own clock (usingDbTime), so instances with
-- skewed clocks still agree.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp(3) not null,
    locked_at  timestamp(3) not null,
    locked_by  varchar(255) not null
);
