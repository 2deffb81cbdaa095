-- Checkpoint content moves to PostgreSQL large objects (content_oid), written and read in chunks so a 100 MB model
-- never sits in the heap several times over. Rows written before this migration keep their bytea content (exactly
-- one of the two columns is set); they are read the old way.
ALTER TABLE checkpoint ALTER COLUMN content DROP NOT NULL;
ALTER TABLE checkpoint ADD COLUMN content_oid oid;
ALTER TABLE checkpoint ADD CONSTRAINT checkpoint_one_content CHECK ((content IS NULL) <> (content_oid IS NULL));

-- Whatever deletes a row (delete, retention, a job's cascade) frees its large object: no orphans.
CREATE FUNCTION checkpoint_unlink_content() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.content_oid IS NOT NULL THEN
    PERFORM lo_unlink(OLD.content_oid);
  END IF;
  RETURN OLD;
END;
$$;

CREATE TRIGGER checkpoint_unlink_content AFTER DELETE ON checkpoint
  FOR EACH ROW EXECUTE FUNCTION checkpoint_unlink_content();
