-- Studies (docs/studies.md): many jobs, one per trial (arm × search point × seed), released into the queue at most
-- max_concurrent at a time. A trial's job starts WAITING; the study ticker moves the next ones (by trial number) to
-- QUEUED as slots free, and marks a study SUCCEEDED once all its jobs have ended.
CREATE TABLE study (
  id                  uuid PRIMARY KEY,
  name                text             NOT NULL,
  status              text             NOT NULL,
  body                jsonb            NOT NULL,
  objective_metric    text             NOT NULL,
  objective_mode      text             NOT NULL,
  objective_threshold double precision,
  max_concurrent      integer          NOT NULL,
  search_type         text,
  created_at          timestamptz      NOT NULL,
  finished_at         timestamptz,
  CONSTRAINT study_status_known CHECK (status IN ('RUNNING', 'SUCCEEDED', 'CANCELLED')),
  CONSTRAINT study_objective_mode_known CHECK (objective_mode IN ('min', 'max')),
  CONSTRAINT study_max_concurrent_positive CHECK (max_concurrent >= 1),
  CONSTRAINT study_search_type_known CHECK (search_type IN ('grid', 'random'))
);

-- The study list, newest first; the ticker's running studies.
CREATE INDEX study_created_idx ON study (created_at DESC, id DESC);
CREATE INDEX study_running_idx ON study (id) WHERE status = 'RUNNING';

-- A trial's job names its study; queued_at is when a trial joined the queue (its age there: a trial released now
-- queues behind jobs submitted before it).
ALTER TABLE job ADD COLUMN study_id uuid REFERENCES study (id);
ALTER TABLE job ADD COLUMN queued_at timestamptz;
CREATE INDEX job_study_status_idx ON job (study_id, status) WHERE study_id IS NOT NULL;

-- One row per trial; its job is stored by JPA in the same transaction, flushed at commit (hence deferred).
CREATE TABLE study_trial (
  study_id     uuid    NOT NULL REFERENCES study (id) ON DELETE CASCADE,
  trial        integer NOT NULL,
  arm          text,
  point        integer NOT NULL,
  seed         bigint  NOT NULL,
  trial_values jsonb   NOT NULL,
  job_id       uuid    NOT NULL UNIQUE REFERENCES job (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT study_trial_pk PRIMARY KEY (study_id, trial)
);

ALTER TABLE job DROP CONSTRAINT job_status_known;
ALTER TABLE job ADD CONSTRAINT job_status_known CHECK (
  status IN ('WAITING', 'QUEUED', 'RUNNING', 'CANCELLING', 'PAUSING', 'PAUSED', 'SUCCEEDED', 'FAILED', 'CANCELLED'));

-- The claim order: priority, then age in the queue.
DROP INDEX job_queued_idx;
CREATE INDEX job_queued_idx ON job (priority DESC, (coalesce(queued_at, created_at))) WHERE status = 'QUEUED';
