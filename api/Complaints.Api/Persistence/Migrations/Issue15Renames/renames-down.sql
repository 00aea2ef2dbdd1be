-- Back to the names before #15 item 7 (renames.sql read backwards). Versions are bumped again: the representation changes.
CREATE TEMP TABLE issue15_renamed (id uuid PRIMARY KEY) ON COMMIT DROP;
INSERT INTO issue15_renamed
    SELECT id FROM complaints WHERE channel = 'InPerson'
    UNION SELECT complaint_id FROM complaint_merged_cases WHERE channel = 'InPerson'
    UNION SELECT complaint_id FROM complaint_revisits WHERE method = 'Visit'
    UNION SELECT complaint_id FROM complaint_notice_deliveries WHERE method = 'InPerson'
    UNION SELECT complaint_id FROM complaint_timeline WHERE kind = 'NotAccepted'
        OR (kind = 'Received' AND details ->> 'channel' = 'in_person')
        OR (kind = 'Revisited' AND details ->> 'method' = 'visit')
        OR (kind = 'NoticeDelivered' AND details ->> 'method' = 'in_person');

UPDATE complaint_merged_cases SET channel = 'Onsite' WHERE channel = 'InPerson';
UPDATE complaint_revisits SET method = 'OnSite' WHERE method = 'Visit';
UPDATE complaint_notice_deliveries SET method = 'OnSite' WHERE method = 'InPerson';
UPDATE complaint_timeline SET kind = 'Rejected' WHERE kind = 'NotAccepted';
UPDATE complaint_timeline SET details = jsonb_set(details, '{channel}', '"onsite"')
    WHERE kind = 'Received' AND details ->> 'channel' = 'in_person';
UPDATE complaint_timeline SET details = jsonb_set(details, '{method}', '"on_site"')
    WHERE kind IN ('Revisited', 'NoticeDelivered') AND details ->> 'method' IN ('visit', 'in_person');

UPDATE complaints c
    SET channel = CASE WHEN c.channel = 'InPerson' THEN 'Onsite' ELSE c.channel END, version = c.version + 1
    FROM issue15_renamed r WHERE r.id = c.id;

UPDATE reports
    SET figures = jsonb_set(figures #- '{receivedByChannel,in_person}', '{receivedByChannel,onsite}', figures #> '{receivedByChannel,in_person}')
    WHERE figures -> 'receivedByChannel' ? 'in_person';
