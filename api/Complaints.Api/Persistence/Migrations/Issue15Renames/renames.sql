-- #15 item 7 (docs/glossary.md): enum members are stored by their C# names (HasConversion<string>) and timeline details,
-- stored reports and the views carry their wire names, so the renames convert what a database already holds. No
-- function, trigger or index compares these values (the Baseline's SQL names none of them), so none is replaced.
--   Channel         Onsite   -> InPerson   (wire onsite  -> in_person)  complaints, complaint_merged_cases (agency_queue: its trigger)
--   RevisitMethod   OnSite   -> Visit      (wire on_site -> visit)      complaint_revisits
--   DeliveryMethod  OnSite   -> InPerson   (wire on_site -> in_person)  complaint_notice_deliveries
--   TimelineEventKind Rejected -> NotAccepted                           complaint_timeline.kind
-- Audit lines are left as recorded (the trail is append-only and hash-chained); so are queued notifications and
-- agency events, which were written under the names of their time.

CREATE TEMP TABLE issue15_renamed (id uuid PRIMARY KEY) ON COMMIT DROP;
INSERT INTO issue15_renamed
    SELECT id FROM complaints WHERE channel = 'Onsite'
    UNION SELECT complaint_id FROM complaint_merged_cases WHERE channel = 'Onsite'
    UNION SELECT complaint_id FROM complaint_revisits WHERE method = 'OnSite'
    UNION SELECT complaint_id FROM complaint_notice_deliveries WHERE method = 'OnSite'
    UNION SELECT complaint_id FROM complaint_timeline WHERE kind = 'Rejected'
        OR (kind = 'Received' AND details ->> 'channel' = 'onsite')
        OR (kind IN ('Revisited', 'NoticeDelivered') AND details ->> 'method' = 'on_site');

UPDATE complaint_merged_cases SET channel = 'InPerson' WHERE channel = 'Onsite';
UPDATE complaint_revisits SET method = 'Visit' WHERE method = 'OnSite';
UPDATE complaint_notice_deliveries SET method = 'InPerson' WHERE method = 'OnSite';
UPDATE complaint_timeline SET kind = 'NotAccepted' WHERE kind = 'Rejected';
UPDATE complaint_timeline SET details = jsonb_set(details, '{channel}', '"in_person"')
    WHERE kind = 'Received' AND details ->> 'channel' = 'onsite';
UPDATE complaint_timeline SET details = jsonb_set(details, '{method}', '"visit"')
    WHERE kind = 'Revisited' AND details ->> 'method' = 'on_site';
UPDATE complaint_timeline SET details = jsonb_set(details, '{method}', '"in_person"')
    WHERE kind = 'NoticeDelivered' AND details ->> 'method' = 'on_site';

-- A case whose representation changed gets a new version: its ETag changes and the change feed (complaints'
-- trigger) tells agency systems to read it again. The agency_queue trigger copies the new channel.
UPDATE complaints c
    SET channel = CASE WHEN c.channel = 'Onsite' THEN 'InPerson' ELSE c.channel END, version = c.version + 1
    FROM issue15_renamed r WHERE r.id = c.id;

-- Submitted reports are read back as they were frozen: their channel distribution is keyed by wire name.
UPDATE reports
    SET figures = jsonb_set(figures #- '{receivedByChannel,onsite}', '{receivedByChannel,in_person}', figures #> '{receivedByChannel,onsite}')
    WHERE figures -> 'receivedByChannel' ? 'onsite';
