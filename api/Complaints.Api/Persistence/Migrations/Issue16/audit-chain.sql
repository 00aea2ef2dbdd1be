-- The audit log's hash chains (Audit/AuditTrail), appended by the database (#16 item 4). A line inserted without its
-- hash is numbered and chained here, in the statement that inserts it: the chain's advisory lock, its head (read after
-- the lock is granted: a volatile function's query takes a new snapshot, and sees the rows this statement inserted
-- before), the next number of audit_entries_sequence (after the lock, so numbers increase along a chain), and the
-- SHA-256 of the same canonical text as AuditTrail.HashOf, which verifies the lines. The writer's change, its lines
-- and their chaining travel in one batch: the lock is held for the rest of that round trip and the commit, instead
-- of from a separate round trip before the change was sent. A line inserted with its hash (a line put back, the
-- benchmark's seeder under session_replication_role = replica) is stored as given.
CREATE FUNCTION audit_entries_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head text;
BEGIN
  IF NEW.hash IS NOT NULL THEN
    RETURN NEW;
  END IF;
  -- AuditTrail.ChainLockBase ("YCAUDIT" and the chain number in the low byte).
  PERFORM pg_advisory_xact_lock(6432056527288882176 + NEW.chain);
  SELECT e.hash INTO head FROM audit_entries e WHERE e.chain = NEW.chain ORDER BY e.sequence DESC LIMIT 1;
  NEW.previous_hash := COALESCE(head, repeat('0', 64));
  NEW.sequence := nextval('audit_entries_sequence');
  -- AuditTrail.HashOf: fields joined by U+001F; the instant in microseconds since 0001-01-01 (DateTimeOffset.UtcTicks / 10);
  -- the case id as 32 hex digits; an absent value as ''.
  NEW.hash := encode(sha256(convert_to(
    NEW.previous_hash || chr(31) || NEW.sequence::text || chr(31)
    || ((extract(epoch FROM NEW.at) * 1000000)::bigint + 62135596800000000)::text || chr(31)
    || NEW.actor_user_id || chr(31) || NEW.actor_role || chr(31) || NEW.action || chr(31)
    || COALESCE(replace(NEW.case_id::text, '-', ''), '') || chr(31) || COALESCE(NEW.client_address, '') || chr(31)
    || COALESCE(NEW.details, ''), 'UTF8')), 'hex');
  RETURN NEW;
END $$;

CREATE TRIGGER audit_entries_chain BEFORE INSERT ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_entries_chain();
