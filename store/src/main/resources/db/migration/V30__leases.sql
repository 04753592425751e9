-- Leases held by one weft serve process of several on one store: an event subscription is held
-- by one process at a time. A holder renews its leases while it lives; an expired lease is taken
-- over by another process.
CREATE TABLE weft_leases (
  lease_name VARCHAR(300) NOT NULL PRIMARY KEY,
  holder     VARCHAR(100) NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Inbox rows of a process are renewed (claimed_at) while it works on them; a claim older than
-- the lease is taken over.
CREATE INDEX webhook_inbox_claims ON webhook_inbox (claimed_by, claimed_at);
