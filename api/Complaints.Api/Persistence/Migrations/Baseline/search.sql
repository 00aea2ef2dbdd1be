-- Full-text search for staff (GET /cases?q=, #18): the segmented words (search_terms, space-joined), through PostgreSQL's
-- 'simple' configuration (no stemming, no stop words: the words are jieba's already), stored so that ranking reads it
-- instead of parsing again, and indexed with GIN. Kept by a trigger rather than a generated column, so that a row copied
-- whole (INSERT ... SELECT *) still inserts. EF does not map it: loading a case never reads it.
ALTER TABLE complaints ADD COLUMN search_vector tsvector;

CREATE FUNCTION complaints_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := to_tsvector('simple', coalesce(NEW.search_terms, ''));
  RETURN NEW;
END $$;

CREATE TRIGGER complaints_search_vector BEFORE INSERT OR UPDATE OF search_terms ON complaints
  FOR EACH ROW EXECUTE FUNCTION complaints_search_vector();

CREATE INDEX ix_complaints_search_vector ON complaints USING gin (search_vector);

-- Cases not yet segmented (insight_words IS NULL), which Insight/InsightBackfill segments after start.
CREATE INDEX ix_complaints_unsegmented ON complaints (id) WHERE insight_words IS NULL;
