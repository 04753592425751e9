-- Webhook inbox rows whose run failed are tried again with backoff and, after the last attempt,
-- kept as failed until replayed. A row is pending (done_at and failed_at NULL), processed
-- (done_at set) or failed (failed_at set). Numbered 50.1, after the migrations already applied
-- to existing stores, so that Flyway applies it in order.
ALTER TABLE webhook_inbox ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE webhook_inbox ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE webhook_inbox ADD COLUMN failed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE webhook_inbox ADD COLUMN last_error VARCHAR(2000);

-- the worker looks for pending rows by instance and flow
CREATE INDEX webhook_inbox_groups ON webhook_inbox (instance, flow, done_at, failed_at, id);
