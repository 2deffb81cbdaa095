-- Pause and unpause: a running job is PAUSING until its worker has checkpointed and let it go (PAUSED); a queued job
-- is PAUSED at once. A PAUSING job is claimed like RUNNING and CANCELLING ones, so the reaper watches its heartbeat.
ALTER TABLE job DROP CONSTRAINT job_status_known;
ALTER TABLE job ADD CONSTRAINT job_status_known CHECK (
  status IN ('QUEUED', 'RUNNING', 'CANCELLING', 'PAUSING', 'PAUSED', 'SUCCEEDED', 'FAILED', 'CANCELLED'));

DROP INDEX job_claimed_heartbeat_idx;
CREATE INDEX job_claimed_heartbeat_idx ON job (heartbeat_at) WHERE status IN ('RUNNING', 'CANCELLING', 'PAUSING');
