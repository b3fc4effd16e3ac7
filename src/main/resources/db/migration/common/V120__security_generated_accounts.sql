-- Accounts made by the load-data generator (--casebook.command=generate-data) for benchmarks and load tests.
-- They are also marked demo, so a production start refuses them as it refuses the demo accounts; this flag
-- tells them apart, and the generator refuses to run on a database holding any account that is neither.
alter table staff_account add column generated boolean not null default false;
