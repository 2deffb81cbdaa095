-- Every way a job becomes QUEUED (submit, resume, a reaped worker's job going back) notifies channel job_queued
-- with the job's id, delivered when the transaction commits, so that an idle worker of any instance claims it at once
-- instead of on its next poll (the poll stays as the fallback).
CREATE FUNCTION job_notify_queued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('job_queued', NEW.id::text);
  RETURN NEW;
END;
$$;

CREATE TRIGGER job_notify_queued AFTER INSERT OR UPDATE OF status ON job
  FOR EACH ROW WHEN (NEW.status = 'QUEUED') EXECUTE FUNCTION job_notify_queued();
