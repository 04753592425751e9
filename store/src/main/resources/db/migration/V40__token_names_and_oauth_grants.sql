-- weft serve: API tokens get an id, a name and when they were last used (to list and revoke them
-- without their values), and customers' OAuth 2 authorization-code grants are kept per instance
-- and system, sealed (AES-GCM), with the consents in progress.

ALTER TABLE api_tokens ADD COLUMN token_id VARCHAR(40);
ALTER TABLE api_tokens ADD COLUMN token_name VARCHAR(200);
ALTER TABLE api_tokens ADD COLUMN last_used_at TIMESTAMP WITH TIME ZONE;
UPDATE api_tokens SET token_id = 'tok_' || SUBSTR(token_hash, 1, 12) WHERE token_id IS NULL;
CREATE UNIQUE INDEX api_tokens_by_id ON api_tokens (token_id);

-- The access and refresh tokens a customer granted for one system of an instance: sealed JSON.
CREATE TABLE oauth_grants (
  instance     VARCHAR(100) NOT NULL,
  system_id    VARCHAR(200) NOT NULL,
  sealed_grant TEXT         NOT NULL,
  expires_at   TIMESTAMP WITH TIME ZONE,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (instance, system_id)
);

-- A consent in progress: the state sent to the provider (as its SHA-256), the PKCE verifier
-- (sealed), and until when the callback is accepted. Deleted when the callback arrives.
CREATE TABLE oauth_pending (
  state_hash      VARCHAR(64)  NOT NULL PRIMARY KEY,
  instance        VARCHAR(100) NOT NULL,
  system_id       VARCHAR(200) NOT NULL,
  sealed_verifier TEXT         NOT NULL,
  expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One-time links that open the consent page for one instance and system without an API token
-- (for a customer's browser), stored as their SHA-256.
CREATE TABLE oauth_links (
  link_hash  VARCHAR(64)  NOT NULL PRIMARY KEY,
  instance   VARCHAR(100) NOT NULL,
  system_id  VARCHAR(200) NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
