-- The agency queue (Cases/CaseQueue): one agency_queue row per case and agency that sees it, with the columns a queue item
-- shows and filters on, so that a page never reads complaints. The table and its index are in the model
-- (Persistence/AgencyQueueConfiguration); its rows are written only here, by triggers on complaints, in the statement
-- that changes the case, so they cannot drift.

-- A case's queue rows, derived from the agency rule (visibility.sql); in one place for the trigger and the benchmark's
-- seeder. PostgreSQL checks the SELECT list against agency_queue's columns, in their order, when the function is created.
CREATE FUNCTION agency_queue_rows(c complaints) RETURNS SETOF agency_queue LANGUAGE sql STABLE AS $$
  SELECT c.id, a, c.received_at, c.tracking_number, c.status, c.channel, c.respondent_agency_id,
         c.assigned_agency_id, c.lead_agency_id, c.service_item_name, c.classification, c.confidential,
         c.running_due_date, c.running_due_at
  FROM unnest(case_agency_ids(c)) AS agencies(a)
$$;

CREATE FUNCTION agency_queue_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM agency_queue WHERE complaint_id = OLD.id;
  END IF;
  INSERT INTO agency_queue SELECT * FROM agency_queue_rows(NEW);
  RETURN NULL;
END $$;

CREATE TRIGGER agency_queue_insert AFTER INSERT ON complaints
  FOR EACH ROW EXECUTE FUNCTION agency_queue_sync();

-- Only when a column the queue holds (or an agency) changes.
CREATE TRIGGER agency_queue_update AFTER UPDATE ON complaints
  FOR EACH ROW WHEN ((OLD.respondent_agency_id, OLD.assigned_agency_id, OLD.lead_agency_id, OLD.cooperating_agency_ids,
      OLD.received_at, OLD.tracking_number, OLD.status, OLD.channel, OLD.service_item_name, OLD.classification,
      OLD.confidential, OLD.running_due_date, OLD.running_due_at)
    IS DISTINCT FROM (NEW.respondent_agency_id, NEW.assigned_agency_id, NEW.lead_agency_id, NEW.cooperating_agency_ids,
      NEW.received_at, NEW.tracking_number, NEW.status, NEW.channel, NEW.service_item_name, NEW.classification,
      NEW.confidential, NEW.running_due_date, NEW.running_due_at))
  EXECUTE FUNCTION agency_queue_sync();
