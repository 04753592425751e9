-- The web console pages runs, instances and dead letters newest first (or by id), filtered by
-- instance, status or customer, by keyset; these indexes keep a page as cheap as the first.
CREATE INDEX console_runs_by_start ON runs (started_at, id);
CREATE INDEX console_runs_by_instance ON runs (instance, started_at, id);
CREATE INDEX console_runs_by_status ON runs (status, started_at);
CREATE INDEX console_instances_by_customer ON instances (customer, id);
CREATE INDEX console_dead_letters_by_instance ON dead_letters (instance, id);
