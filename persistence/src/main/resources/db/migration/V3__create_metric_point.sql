-- Metric history. One row per (job, metric, step): a resumed attempt overwrites the steps it replays.
-- The primary key serves the downsampled range read (job_id, name, step BETWEEN ...) as an index range scan;
-- INCLUDE makes it an index-only scan for the bucket aggregates.
CREATE TABLE metric_point (
  job_id  uuid             NOT NULL REFERENCES job (id) ON DELETE CASCADE,
  name    text             NOT NULL,
  step    bigint           NOT NULL,
  attempt integer          NOT NULL,
  epoch   integer          NOT NULL,
  value   double precision NOT NULL,
  at      timestamptz      NOT NULL DEFAULT now(),
  CONSTRAINT metric_point_pk PRIMARY KEY (job_id, name, step) INCLUDE (value)
);
