-- Retention by age per tenant (issue #20, docs/security.md "Retention"): a tenant's finished jobs (not a study's
-- trials) are deleted, with everything stored of them, this many days after they finished. NULL: the service default
-- (descent.quotas.finished-job-retention-days), and when that is unset, kept until deleted.
ALTER TABLE tenant
  ADD COLUMN finished_job_retention_days integer CHECK (finished_job_retention_days >= 1);

CREATE INDEX job_finished_idx ON job (finished_at) WHERE finished_at IS NOT NULL AND study_id IS NULL;
