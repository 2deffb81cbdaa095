-- Tenant isolation and quotas (issue #20, docs/security.md "Quotas"). NULL: the service default
-- (descent.quotas.*), and when that is unset, unlimited.
ALTER TABLE tenant
  ADD COLUMN max_running_jobs     integer CHECK (max_running_jobs >= 0),
  ADD COLUMN max_queued_jobs      integer CHECK (max_queued_jobs >= 0),
  ADD COLUMN max_checkpoint_bytes bigint  CHECK (max_checkpoint_bytes >= 0),
  ADD COLUMN max_data_bytes       bigint  CHECK (max_data_bytes >= 0);

-- Who uploaded which file of the data folder (path relative to it). A tenant's file is seen only by that tenant (and
-- admins); a file without a row (bundled, placed on the server, or written before this migration) or with a NULL
-- tenant (uploaded by an admin key) is shared: every tenant may list it and train on it.
CREATE TABLE dataset_file (
  path        text        PRIMARY KEY,
  tenant_id   uuid        REFERENCES tenant (id) ON DELETE CASCADE,
  size_bytes  bigint      NOT NULL,
  uploaded_at timestamptz NOT NULL
);
CREATE INDEX dataset_file_tenant_idx ON dataset_file (tenant_id);

