-- Live events across instances: whatever a job's event stream shows (its row's status, attempt and progress, its
-- timeline, its metric points) notifies channel descent_job_changed with the job's id only, delivered when the
-- transaction commits. Every instance's listener wakes the Server-Sent Event streams of that job and the all-jobs
-- stream, which then read the tables as before (so Last-Event-ID stays exactly-once); their slow poll is the fallback.
-- PostgreSQL delivers a (channel, payload) pair once per transaction however often it is notified there.
CREATE FUNCTION job_notify_changed_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('descent_job_changed', NEW.id::text);
  RETURN NULL;
END;
$$;

-- One row per job: a heartbeat that changes nothing a stream shows notifies nothing.
CREATE TRIGGER job_notify_changed_insert AFTER INSERT ON job
  FOR EACH ROW EXECUTE FUNCTION job_notify_changed_row();
CREATE TRIGGER job_notify_changed_update AFTER UPDATE ON job
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.attempt IS DISTINCT FROM NEW.attempt
                     OR OLD.iteration IS DISTINCT FROM NEW.iteration OR OLD.epoch IS DISTINCT FROM NEW.epoch
                     OR OLD.latest_metrics IS DISTINCT FROM NEW.latest_metrics)
  EXECUTE FUNCTION job_notify_changed_row();

-- Timeline events and metric points come in batches (a claim or a reap of many jobs, a metric flush of thousands of
-- points): one statement-level trigger call notifies each job of the batch once.
CREATE FUNCTION job_notify_changed_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('descent_job_changed', j::text) FROM (SELECT DISTINCT job_id FROM changed) AS t(j);
  RETURN NULL;
END;
$$;

CREATE TRIGGER job_event_notify_changed AFTER INSERT ON job_event
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION job_notify_changed_rows();
CREATE TRIGGER metric_point_notify_insert AFTER INSERT ON metric_point
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION job_notify_changed_rows();
CREATE TRIGGER metric_point_notify_update AFTER UPDATE ON metric_point
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION job_notify_changed_rows();
