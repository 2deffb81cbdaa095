-- Live events across instances: whatever a job's event stream shows (its row's status, attempt and progress, its
-- timeline, its metric points) notifies channel descent_job_changed with the job's id only, delivered when the
-- transaction commits. Every instance's listener wakes the Server-Sent Event streams of that job and the all-jobs
-- stream, which then read the tables as before (so Last-Event-ID stays exactly-once); their slow poll is the fallback.
-- Statement-level triggers: a batch (a flush of 1,000 metric points, a claim or a reap of many jobs) notifies each of
-- its jobs once, and PostgreSQL delivers a (channel, payload) pair once per transaction however often it was notified.
CREATE FUNCTION job_notify_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'job' AND TG_OP = 'UPDATE' THEN
    -- a heartbeat that changes nothing a stream shows notifies nothing
    PERFORM pg_notify('descent_job_changed', n.id::text)
       FROM changed n JOIN gone o USING (id)
      WHERE (n.status, n.attempt, n.iteration, n.epoch, n.latest_metrics)
            IS DISTINCT FROM (o.status, o.attempt, o.iteration, o.epoch, o.latest_metrics);
  ELSIF TG_TABLE_NAME = 'job' THEN
    PERFORM pg_notify('descent_job_changed', id::text) FROM changed;
  ELSE
    PERFORM pg_notify('descent_job_changed', j::text) FROM (SELECT DISTINCT job_id FROM changed) AS t(j);
  END IF;
  RETURN NULL;
END;
$$;

-- Inserts into, and updates of, the three tables; job_event rows are never updated.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['job', 'job_event', 'metric_point'] LOOP
    EXECUTE format('CREATE TRIGGER %1$s_notify_changed_insert AFTER INSERT ON %1$I REFERENCING NEW TABLE AS changed'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION job_notify_changed()', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['job', 'metric_point'] LOOP
    EXECUTE format('CREATE TRIGGER %1$s_notify_changed_update AFTER UPDATE ON %1$I'
                   ' REFERENCING OLD TABLE AS gone NEW TABLE AS changed'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION job_notify_changed()', t);
  END LOOP;
END
$$;
