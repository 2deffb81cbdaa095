-- Retention by age per tenant (issue #20, docs/security.md "Retention by age"): a tenant's finished jobs (not a study's
-- trials) are deleted, with everything stored of it, this many days after they finished. NULL: the service default
-- (descent.quotas.finished-job-retention-days), and when that is unset, kept until deleted. No index for the hourly
-- sweep: a new one would need a page of its own when a job first finishes, which a full disk refuses
-- (CheckpointDiskFullTests: the job must still be able to finish as FAILED).
ALTER TABLE tenant
  ADD COLUMN finished_job_retention_days integer CHECK (finished_job_retention_days >= 1);
