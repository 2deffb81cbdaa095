-- Idempotency keys (issue #20, docs/security.md "Idempotency"): the first request with a key inserts its row (status
-- NULL while it runs, leased until lease_until), then stores its response there; a repeat with the same request hash
-- replays that response, one with another hash is refused. Keyed per caller scope (a tenant, or 'admin'). A 5xx
-- response deletes the row (the client may retry); rows expire after 24 h and are purged as new keys arrive.
CREATE TABLE idempotency_key (
  scope        text        NOT NULL,
  key          text        NOT NULL,
  request_hash text        NOT NULL,
  status       integer,
  content_type text,
  location     text,
  body         bytea,
  created_at   timestamptz NOT NULL,
  lease_until  timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  CONSTRAINT idempotency_key_pk PRIMARY KEY (scope, key),
  CONSTRAINT idempotency_key_completed CHECK ((status IS NULL) = (body IS NULL))
);
CREATE INDEX idempotency_key_expires_idx ON idempotency_key (expires_at);

-- The audit trail (docs/security.md "Audit"): one row per mutating call under /api/v1, written once its status is
-- known, failed calls included. Who (key prefix, tenant; NULL when the request was not authenticated), what (method,
-- path, route template and the operation, the resource's id when known), when, and the result. No foreign keys: the
-- trail outlives the tenants, keys and jobs it names.
CREATE TABLE audit_event (
  id          bigserial   PRIMARY KEY,
  at          timestamptz NOT NULL,
  key_prefix  text,
  tenant_id   uuid,
  method      text        NOT NULL,
  path        text        NOT NULL,
  route       text,
  action      text,
  resource_id text,
  status      integer     NOT NULL
);
CREATE INDEX audit_event_at_idx ON audit_event (at DESC, id DESC);
CREATE INDEX audit_event_tenant_at_idx ON audit_event (tenant_id, at DESC, id DESC);
