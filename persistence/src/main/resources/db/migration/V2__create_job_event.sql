-- A job's timeline: one row per status change, with the attempt it happened in and why.
CREATE TABLE job_event (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  job_id      uuid        NOT NULL REFERENCES job (id) ON DELETE CASCADE,
  at          timestamptz NOT NULL,
  attempt     integer     NOT NULL,
  from_status text,
  to_status   text        NOT NULL,
  reason      text        NOT NULL
);

CREATE INDEX job_event_job_idx ON job_event (job_id, id);
