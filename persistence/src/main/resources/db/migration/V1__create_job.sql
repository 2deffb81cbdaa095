-- A training job: what the user asked for (spec), where it is in its life (status, attempt, claimant, heartbeat)
-- and what it reported last (progress, latest metrics). Status changes are recorded in job_event (V2).
CREATE TABLE job (
  id               uuid PRIMARY KEY,
  status           text             NOT NULL,
  spec             jsonb            NOT NULL,
  name             text             NOT NULL,
  priority         integer          NOT NULL DEFAULT 0,
  attempt          integer          NOT NULL DEFAULT 0,
  max_attempts     integer          NOT NULL,
  claimed_by       text,
  heartbeat_at     timestamptz,
  version          bigint           NOT NULL DEFAULT 0,
  created_at       timestamptz      NOT NULL,
  started_at       timestamptz,
  finished_at      timestamptz,
  failure_code     text,
  failure_message  text,
  epoch            integer,
  epochs           integer,
  iteration        bigint,
  total_iterations bigint,
  fraction         double precision,
  latest_metrics   jsonb,
  CONSTRAINT job_status_known CHECK (
    status IN ('QUEUED', 'RUNNING', 'CANCELLING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
  CONSTRAINT job_max_attempts_positive CHECK (max_attempts >= 1),
  CONSTRAINT job_attempt_not_negative CHECK (attempt >= 0)
);

-- The claim query: the next QUEUED jobs by priority, then age.
CREATE INDEX job_queued_idx ON job (priority DESC, created_at) WHERE status = 'QUEUED';

-- The reaper: claimed jobs by heartbeat age.
CREATE INDEX job_claimed_heartbeat_idx ON job (heartbeat_at) WHERE status IN ('RUNNING', 'CANCELLING');

-- The job list: newest first, optionally by status.
CREATE INDEX job_created_idx ON job (created_at DESC);
CREATE INDEX job_status_created_idx ON job (status, created_at DESC);
