-- Tenancy (issue #20, docs/security.md): every request carries an API key; a key belongs to one tenant, or is an admin
-- key (tenant_id NULL, admin true). Keys are stored only as a hash, with a short visible prefix to identify them.
CREATE TABLE tenant (
  id         uuid        PRIMARY KEY,
  name       text        NOT NULL UNIQUE,
  created_at timestamptz NOT NULL
);

CREATE TABLE api_key (
  prefix     text        PRIMARY KEY,
  tenant_id  uuid        REFERENCES tenant (id) ON DELETE CASCADE,
  admin      boolean     NOT NULL,
  hash       text        NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz,
  revoked_at timestamptz,
  CONSTRAINT api_key_admin_or_tenant CHECK (admin OR tenant_id IS NOT NULL)
);
CREATE INDEX api_key_tenant_idx ON api_key (tenant_id);

-- What a tenant owns. NULL: created by an admin key (or before tenancy existed); only admin keys see those.
ALTER TABLE job ADD COLUMN tenant_id uuid REFERENCES tenant (id);
ALTER TABLE study ADD COLUMN tenant_id uuid REFERENCES tenant (id);
CREATE INDEX job_tenant_status_idx ON job (tenant_id, status);
CREATE INDEX study_tenant_idx ON study (tenant_id, created_at DESC);
