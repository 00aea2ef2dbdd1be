-- The change feed of agency systems (#17, Changes/ChangeFeedEndpoints): every insert of a case and every update that
-- changes its row writes one case_changes row, in the writing transaction (tx_id and position from the column defaults).
-- Written here, not by EF, so that no writer (endpoint, deadline monitor, calendar reload, raw SQL) can change a case
-- without it.
CREATE FUNCTION record_case_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- A transaction's id is drawn at its first write, possibly before it waited for this case's row lock,
    -- so it may be lower than the id of the change it waited for. Never sort a case's change before its
    -- previous one (committed: we hold the row lock): the larger of the two ids. Still at least our own id,
    -- so the feed's horizon (served only below the oldest running transaction) holds.
    INSERT INTO case_changes (case_id, version, status, tx_id)
    VALUES (NEW.id, NEW.version, NEW.status, GREATEST((pg_current_xact_id()::text)::bigint,
        COALESCE((SELECT max(c.tx_id) FROM case_changes c WHERE c.case_id = NEW.id), 0)));
    RETURN NULL;
END $$;

CREATE TRIGGER complaints_case_changes_insert AFTER INSERT ON complaints
    FOR EACH ROW EXECUTE FUNCTION record_case_change();
CREATE TRIGGER complaints_case_changes_update AFTER UPDATE ON complaints
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION record_case_change();
