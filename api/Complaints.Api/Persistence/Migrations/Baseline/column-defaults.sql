-- Defaults the model does not declare, for writers that bypass EF and name only the columns they know: the benchmark's
-- seeder (bench/Seeder, binary COPY) and raw inserts in tests. These columns were added to tables that already held rows,
-- and they keep the defaults those rows were given. EF always writes them itself.
ALTER TABLE audit_entries ALTER COLUMN chain SET DEFAULT 0;
ALTER TABLE complaint_investigation_records ALTER COLUMN disputed SET DEFAULT false;
ALTER TABLE complaints ALTER COLUMN notice_by_post SET DEFAULT false;
