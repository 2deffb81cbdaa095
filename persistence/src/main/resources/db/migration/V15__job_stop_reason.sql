-- Why a job stopped before its epochs were done, as the engine says: stop_reason 'early_stopping' (its early
-- stopping ended it), 'rule' (one of its rules stopped or failed it), or another reason of the engine's outcome; with
-- stop_detail the JSON of it when there is one (the stopped and best epochs; the rule, its index and the point that
-- fired it). Set by the finish that records the run's end; cleared when a failed job is resumed.
ALTER TABLE job ADD COLUMN stop_reason text, ADD COLUMN stop_detail jsonb;

-- A timeline entry is a status change (kind 'status') or a rule's firing (kind 'rule', from_status = to_status: the
-- job's status when it was recorded); detail holds the JSON of the stop or the firing, when there is one.
ALTER TABLE job_event ADD COLUMN kind text NOT NULL DEFAULT 'status', ADD COLUMN detail jsonb;
ALTER TABLE job_event ADD CONSTRAINT job_event_kind_known CHECK (kind IN ('status', 'rule'));
