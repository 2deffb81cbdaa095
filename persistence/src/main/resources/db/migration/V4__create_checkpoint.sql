-- Checkpoints: a DL4J model zip (updater state included) as bytea, with its size and SHA-256.
-- Listing reads metadata only; the content column is read when a checkpoint is downloaded or restored.
CREATE TABLE checkpoint (
  id         uuid PRIMARY KEY,
  job_id     uuid        NOT NULL REFERENCES job (id) ON DELETE CASCADE,
  attempt    integer     NOT NULL,
  kind       text        NOT NULL,
  step       bigint      NOT NULL,
  epoch      integer     NOT NULL,
  size_bytes bigint      NOT NULL,
  sha256     text        NOT NULL,
  metrics    jsonb       NOT NULL DEFAULT '{}',
  content    bytea       NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE INDEX checkpoint_job_idx ON checkpoint (job_id, kind, step DESC, created_at DESC);
