-- A per-row sequence number, increasing in write order: the event id of live metric streams (SSE), so a client that
-- reconnects with its last id gets every later point exactly once. Points of one job are written by one thread in
-- order, so within a job a committed seq is never overtaken by a smaller one.
ALTER TABLE metric_point ADD COLUMN seq bigserial NOT NULL;
CREATE INDEX metric_point_job_seq ON metric_point (job_id, seq);
