-- Rollups of metric_point: per (job, metric) and per aligned bucket of 64, 4,096 and 262,144 steps (bucket b of width w
-- holds steps [b·w, b·w + w − 1], b = step >> log2(w)), the M4 summary of the points stored there: first and last
-- point by step, min and max over the finite values (NULL when none), the sum of the finite values, and the numbers of
-- points, NaNs, +Infinity and −Infinity values. A downsampled read (MetricQuery) answers from the coarsest level that
-- still gives enough buckets, instead of scanning every raw point.
CREATE TABLE metric_rollup (
  job_id      uuid             NOT NULL REFERENCES job (id) ON DELETE CASCADE,
  name        text             NOT NULL,
  width       integer          NOT NULL,
  bucket      bigint           NOT NULL,
  first_step  bigint           NOT NULL,
  first_epoch integer          NOT NULL,
  first_value double precision NOT NULL,
  last_step   bigint           NOT NULL,
  last_epoch  integer          NOT NULL,
  last_value  double precision NOT NULL,
  min_value   double precision,
  max_value   double precision,
  sum         double precision NOT NULL,
  points      integer          NOT NULL,
  nans        integer          NOT NULL,
  pos_infs    integer          NOT NULL,
  neg_infs    integer          NOT NULL,
  CONSTRAINT metric_rollup_pk PRIMARY KEY (job_id, name, width, bucket)
);

-- Recomputes the rollups of the given 64-step buckets (job, name, step >> 6, as parallel arrays) and of the coarser
-- buckets holding them: each level from the level below (64 from the raw points), a bucket left empty is removed.
-- Recomputing rather than adding keeps the rollups exact however often a write is repeated or undone.
CREATE FUNCTION metric_rollup_refresh(jobs uuid[], names text[], buckets bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  shift integer;
BEGIN
  FOREACH shift IN ARRAY ARRAY[6, 12, 18] LOOP
    DELETE FROM metric_rollup r
     USING (SELECT DISTINCT j, n, b >> (shift - 6) FROM unnest(jobs, names, buckets) AS t(j, n, b)) AS a(j, n, b)
     WHERE r.job_id = a.j AND r.name = a.n AND r.width = 1 << shift AND r.bucket = a.b;
    IF shift = 6 THEN
      INSERT INTO metric_rollup
      SELECT a.j, a.n, 64, a.b, g.first_step, f.epoch, f.value, g.last_step, l.epoch, l.value,
             g.min_value, g.max_value, g.sum, g.points, g.nans, g.pos_infs, g.neg_infs
        FROM (SELECT DISTINCT j, n, b FROM unnest(jobs, names, buckets) AS t(j, n, b)) AS a
       CROSS JOIN LATERAL (
             SELECT min(p.step) AS first_step, max(p.step) AS last_step,
                    min(p.value) FILTER (WHERE p.value > '-Infinity' AND p.value < 'Infinity') AS min_value,
                    max(p.value) FILTER (WHERE p.value > '-Infinity' AND p.value < 'Infinity') AS max_value,
                    coalesce(sum(p.value) FILTER (WHERE p.value > '-Infinity' AND p.value < 'Infinity'), 0) AS sum,
                    count(*) AS points, count(*) FILTER (WHERE p.value = 'NaN') AS nans,
                    count(*) FILTER (WHERE p.value = 'Infinity') AS pos_infs,
                    count(*) FILTER (WHERE p.value = '-Infinity') AS neg_infs
               FROM metric_point p
              WHERE p.job_id = a.j AND p.name = a.n AND p.step BETWEEN a.b << 6 AND (a.b << 6) + 63) AS g
       CROSS JOIN LATERAL (
             SELECT epoch, value FROM metric_point
              WHERE job_id = a.j AND name = a.n AND step BETWEEN a.b << 6 AND (a.b << 6) + 63
              ORDER BY step LIMIT 1) AS f
       CROSS JOIN LATERAL (
             SELECT epoch, value FROM metric_point
              WHERE job_id = a.j AND name = a.n AND step BETWEEN a.b << 6 AND (a.b << 6) + 63
              ORDER BY step DESC LIMIT 1) AS l;
    ELSE
      INSERT INTO metric_rollup
      SELECT a.j, a.n, 1 << shift, a.b, g.first_step, f.first_epoch, f.first_value, g.last_step, l.last_epoch,
             l.last_value, g.min_value, g.max_value, g.sum, g.points, g.nans, g.pos_infs, g.neg_infs
        FROM (SELECT DISTINCT j, n, b >> (shift - 6) FROM unnest(jobs, names, buckets) AS t(j, n, b)) AS a(j, n, b)
       CROSS JOIN LATERAL (
             SELECT min(c.first_step) AS first_step, max(c.last_step) AS last_step,
                    min(c.min_value) AS min_value, max(c.max_value) AS max_value, sum(c.sum) AS sum,
                    sum(c.points) AS points, sum(c.nans) AS nans, sum(c.pos_infs) AS pos_infs,
                    sum(c.neg_infs) AS neg_infs
               FROM metric_rollup c
              WHERE c.job_id = a.j AND c.name = a.n AND c.width = 1 << (shift - 6)
                AND c.bucket BETWEEN a.b << 6 AND (a.b << 6) + 63) AS g
       CROSS JOIN LATERAL (
             SELECT first_epoch, first_value FROM metric_rollup
              WHERE job_id = a.j AND name = a.n AND width = 1 << (shift - 6)
                AND bucket BETWEEN a.b << 6 AND (a.b << 6) + 63
              ORDER BY bucket LIMIT 1) AS f
       CROSS JOIN LATERAL (
             SELECT last_epoch, last_value FROM metric_rollup
              WHERE job_id = a.j AND name = a.n AND width = 1 << (shift - 6)
                AND bucket BETWEEN a.b << 6 AND (a.b << 6) + 63
              ORDER BY bucket DESC LIMIT 1) AS l;
    END IF;
  END LOOP;
END
$$;

-- Keeps the rollups exact in the transaction of every statement that writes metric points (the writer's upserts,
-- repeated or not, the deletion of a resumed job's superseded points, a job's cascade): the touched 64-step buckets
-- are recomputed from the raw points. A transaction-scoped advisory lock per job (key space 21, the two-integer form,
-- apart from the checkpoint store's one-bigint locks) orders concurrent writers of one job, so that the later one
-- recomputes from the earlier one's committed points.
CREATE FUNCTION metric_point_rollup() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  jobs uuid[];
  names text[];
  buckets bigint[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(j), array_agg(n), array_agg(b) INTO jobs, names, buckets
      FROM (SELECT DISTINCT job_id, name, step >> 6 FROM changed) AS t(j, n, b);
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(j), array_agg(n), array_agg(b) INTO jobs, names, buckets
      FROM (SELECT job_id, name, step >> 6 FROM changed UNION SELECT job_id, name, step >> 6 FROM gone)
           AS t(j, n, b);
  ELSE
    SELECT array_agg(j), array_agg(n), array_agg(b) INTO jobs, names, buckets
      FROM (SELECT DISTINCT job_id, name, step >> 6 FROM gone) AS t(j, n, b);
  END IF;
  IF jobs IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(21, hashtext(j::text)) FROM (SELECT DISTINCT j FROM unnest(jobs) AS j ORDER BY j) AS t;
    PERFORM metric_rollup_refresh(jobs, names, buckets);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER metric_point_rollup_insert AFTER INSERT ON metric_point
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION metric_point_rollup();
CREATE TRIGGER metric_point_rollup_update AFTER UPDATE ON metric_point
  REFERENCING OLD TABLE AS gone NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION metric_point_rollup();
CREATE TRIGGER metric_point_rollup_delete AFTER DELETE ON metric_point
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION metric_point_rollup();

-- TRUNCATE fires no row or transition-table trigger: emptying the points empties the rollups.
CREATE FUNCTION metric_point_rollup_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM metric_rollup;
  RETURN NULL;
END
$$;
CREATE TRIGGER metric_point_rollup_truncate AFTER TRUNCATE ON metric_point
  FOR EACH STATEMENT EXECUTE FUNCTION metric_point_rollup_truncate();

-- The points stored before this migration.
DO $$
BEGIN
  PERFORM metric_rollup_refresh(array_agg(j), array_agg(n), array_agg(b))
     FROM (SELECT DISTINCT job_id, name, step >> 6 FROM metric_point) AS t(j, n, b);
END
$$;
