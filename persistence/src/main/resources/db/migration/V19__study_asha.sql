-- ASHA (docs/studies.md): a search's scheduler, its rung records and decisions, and the PRUNED end of a trial.
ALTER TABLE study ADD COLUMN asha_min_epochs integer;
ALTER TABLE study ADD COLUMN asha_reduction_factor integer;
ALTER TABLE study ADD COLUMN asha_max_epochs integer;
ALTER TABLE study ADD CONSTRAINT study_asha_complete CHECK (
  (asha_min_epochs IS NULL) = (asha_max_epochs IS NULL)
  AND (asha_min_epochs IS NULL) = (asha_reduction_factor IS NULL));

-- One row per trial and rung it reached below the top (rung 0 = minEpochs): the objective there, written once when the
-- ticker first sees the trial paused at the rung, and the decision, written once (null while it waits).
CREATE TABLE study_rung (
  study_id   uuid             NOT NULL REFERENCES study (id) ON DELETE CASCADE,
  trial      integer          NOT NULL,
  rung       integer          NOT NULL,
  epochs     integer          NOT NULL,
  value      double precision NOT NULL,
  reached_at timestamptz      NOT NULL,
  decision   text,
  decided_at timestamptz,
  CONSTRAINT study_rung_pk PRIMARY KEY (study_id, trial, rung),
  CONSTRAINT study_rung_trial_fk FOREIGN KEY (study_id, trial) REFERENCES study_trial (study_id, trial)
    ON DELETE CASCADE,
  CONSTRAINT study_rung_decision_known CHECK (decision IN ('promoted', 'pruned')),
  CONSTRAINT study_rung_decided CHECK ((decision IS NULL) = (decided_at IS NULL))
);

ALTER TABLE job DROP CONSTRAINT job_status_known;
ALTER TABLE job ADD CONSTRAINT job_status_known CHECK (
  status IN ('WAITING', 'QUEUED', 'RUNNING', 'CANCELLING', 'PAUSING', 'PAUSED', 'SUCCEEDED', 'FAILED', 'CANCELLED',
             'PRUNED'));
