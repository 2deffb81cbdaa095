-- PBT (docs/studies.md, Jaderberg et al. 2017): a search's population-based training scheduler, what it mutates, and
-- its lineage: one row per round and member, written once in the transaction that decides the round.
ALTER TABLE study ADD COLUMN pbt_population integer;
ALTER TABLE study ADD COLUMN pbt_interval integer;
ALTER TABLE study ADD COLUMN pbt_quantile double precision;
ALTER TABLE study ADD COLUMN pbt_epochs integer;
ALTER TABLE study ADD COLUMN pbt_sample_seed bigint;
ALTER TABLE study ADD COLUMN pbt_tracked text[];
ALTER TABLE study ADD CONSTRAINT study_pbt_complete CHECK (
  (pbt_population IS NULL) = (pbt_interval IS NULL) AND (pbt_population IS NULL) = (pbt_quantile IS NULL)
  AND (pbt_population IS NULL) = (pbt_epochs IS NULL) AND (pbt_population IS NULL) = (pbt_sample_seed IS NULL)
  AND (pbt_population IS NULL) = (pbt_tracked IS NULL));
ALTER TABLE study ADD CONSTRAINT study_one_scheduler CHECK (pbt_population IS NULL OR asha_max_epochs IS NULL);

-- The settings explore multiplies, in body order: the factors it picks from and the search space's bounds (if any).
CREATE TABLE study_pbt_mutation (
  study_id uuid               NOT NULL REFERENCES study (id) ON DELETE CASCADE,
  position integer            NOT NULL,
  pointer  text               NOT NULL,
  factors  double precision[] NOT NULL,
  low      double precision,
  high     double precision,
  integral boolean            NOT NULL,
  CONSTRAINT study_pbt_mutation_pk PRIMARY KEY (study_id, position)
);

-- Round r (from 1) ends after r · interval epochs. Every member ranked there has a row: its objective value and rank
-- (0 = best); a member that exploited names its source trial, the source's checkpoint and the copy (a new checkpoint
-- of its own job it continues from), and its tracked values before and after (copied, then explored). The primary
-- key makes a decision impossible to repeat; a round with rows is decided.
CREATE TABLE study_pbt_event (
  study_id             uuid             NOT NULL REFERENCES study (id) ON DELETE CASCADE,
  round                integer          NOT NULL,
  trial                integer          NOT NULL,
  epochs               integer          NOT NULL,
  value                double precision NOT NULL,
  rank                 integer          NOT NULL,
  source_trial         integer,
  source_checkpoint_id uuid,
  new_checkpoint_id    uuid,
  values_before        jsonb            NOT NULL,
  values_after         jsonb            NOT NULL,
  decided_at           timestamptz      NOT NULL,
  CONSTRAINT study_pbt_event_pk PRIMARY KEY (study_id, round, trial),
  CONSTRAINT study_pbt_event_trial_fk FOREIGN KEY (study_id, trial) REFERENCES study_trial (study_id, trial)
    ON DELETE CASCADE,
  CONSTRAINT study_pbt_event_exploit CHECK (
    (source_trial IS NULL) = (source_checkpoint_id IS NULL) AND (source_trial IS NULL) = (new_checkpoint_id IS NULL))
);
