-- Group commit (#16, session 9): :k submissions in one transaction, as an intake writer that batches the submissions
-- waiting at that moment would send them (docs/decisions/intake-group-commit.md). Not what the service does today
-- (that is submission.sql, one transaction per submission): the ceiling of that redesign, measured before building it.
-- Per batch, five round trips whatever :k is: the :k idempotency claims and the divisions' serials (one statement), the
-- webhook subscriptions of the batch's divisions, the :k cases with their identity, timeline entry and audit line (one
-- statement; the database's row triggers do the rest, as for the service: queue row, case_changes, search vector,
-- rollups, the audit chains, their locks taken in ascending chain order like AuditTrail's), the :k remembered answers,
-- the commit. Each case goes to a random active agency and chain, as the benchmark's submissions do.
\set r random(1, 2000000000)
BEGIN;
WITH claimed AS (
  INSERT INTO idempotency_records (scope, key, method, path, request_hash, created_at)
  SELECT 'write-ceiling', :r || '-' || g, 'POST', '/api/v1/complaints', repeat('0', 64), now() FROM generate_series(1, :k) g
  ON CONFLICT (scope, key) DO NOTHING RETURNING key
), r AS (
  SELECT g, a.region_code FROM generate_series(1, :k) g
  JOIN pgb_agencies b ON b.n = 1 + (hashint4(:r + g) & 2147483647) % :agencies JOIN agencies a ON a.id = b.id AND a.active
), drawn AS (
  INSERT INTO tracking_sequences (region_code, day, last) SELECT region_code, DATE '2099-12-31', count(*) FROM r GROUP BY region_code ORDER BY region_code
  ON CONFLICT (region_code, day) DO UPDATE SET last = tracking_sequences.last + excluded.last RETURNING region_code, last
)
SELECT (SELECT count(*) FROM claimed), count(*) FROM drawn;
SELECT w.id FROM webhook_subscriptions AS w WHERE w.active AND w.region_code = ANY (
  SELECT a.region_code FROM generate_series(1, :k) g JOIN pgb_agencies b ON b.n = 1 + (hashint4(:r + g) & 2147483647) % :agencies
  JOIN agencies a ON a.id = b.id);
WITH r AS (
  SELECT g, a.id AS agency, a.region_code, (hashint4(:r - g) & 2147483647) % 16 AS chain FROM generate_series(1, :k) g
  JOIN pgb_agencies b ON b.n = 1 + (hashint4(:r + g) & 2147483647) % :agencies JOIN agencies a ON a.id = b.id
), c AS (
  INSERT INTO complaints (id, tracking_number, received_at, respondent_agency_id, region_code, receiving_region_code, running_due_at, running_due_date, query_code_hash, channel, status, complainant_user_id, respondent_staff_name, respondent_window_number, service_item_name, service_item_code, request, facts, confidential, notice_by_post, assigned_agency_id, referred_at, referred_on_time, referral_note, decided_at, decided_on_time, accepted_at, classification, not_accepted_reason, related_case_id, not_accepted_explanation, extended, extended_at, extension_reason, lead_agency_id, finding, result, measures, concluded_at, concluded_on_time, is_invalid_complaint, merged_into_case_id, merged_into_tracking_number, merged_at, withdrawn_at, withdrawal_reason, complainant_rating, complainant_comment, rated_at, is_major, major_reported_at, major_summary, insight_words, overdue_flagged_due_at, search_terms, version, cooperating_agency_ids, evidence_ids, search_vector)
  SELECT gen_random_uuid(), 'PB' || r.region_code || '-20991231-' || :r || '-' || r.g, now(), r.agency, r.region_code, r.region_code,
         now() + interval '5 days', current_date + 5, p.query_code_hash, p.channel, p.status, p.complainant_user_id, p.respondent_staff_name, p.respondent_window_number, p.service_item_name, p.service_item_code, p.request, p.facts, p.confidential, p.notice_by_post, p.assigned_agency_id, p.referred_at, p.referred_on_time, p.referral_note, p.decided_at, p.decided_on_time, p.accepted_at, p.classification, p.not_accepted_reason, p.related_case_id, p.not_accepted_explanation, p.extended, p.extended_at, p.extension_reason, p.lead_agency_id, p.finding, p.result, p.measures, p.concluded_at, p.concluded_on_time, p.is_invalid_complaint, p.merged_into_case_id, p.merged_into_tracking_number, p.merged_at, p.withdrawn_at, p.withdrawal_reason, p.complainant_rating, p.complainant_comment, p.rated_at, p.is_major, p.major_reported_at, p.major_summary, p.insight_words, p.overdue_flagged_due_at, p.search_terms, p.version, p.cooperating_agency_ids, p.evidence_ids, p.search_vector
  FROM r, pgb_case p RETURNING id, region_code, tracking_number
), i AS (
  INSERT INTO complainant_identities (complaint_id, type, name, id_type, id_number_encrypted, phone_encrypted, address, real_name_verified, id_number_blind_index, id_number_masked, phone_blind_index, phone_masked) SELECT c.id, p.type, p.name, p.id_type, p.id_number_encrypted, p.phone_encrypted, p.address, p.real_name_verified, p.id_number_blind_index, p.id_number_masked, p.phone_blind_index, p.phone_masked FROM c, pgb_identity p
), t AS (
  INSERT INTO complaint_timeline (complaint_id, sequence, actor_agency_id, actor_region_code, actor_role, actor_user_id, article, at, details, kind)
  SELECT c.id, 1, NULL, NULL, 'Complainant', 'citizen-li-ming', '第六条', now(),
         '{"channel": "online_portal", "receivedBy": "region:530700", "confidential": "false", "evidenceCount": "0"}', 'Received' FROM c
)
INSERT INTO audit_entries (action, actor_role, actor_user_id, at, case_id, chain, client_address, details)
SELECT 'case.received', 'citizen', 'citizen-li-ming', now(), c.id, r.chain, '127.0.0.1',
       'status=pending_referral;channel=online_portal;confidential=false;evidenceCount=0;receivedBy=region:' || c.region_code
FROM c JOIN r ON c.tracking_number = 'PB' || r.region_code || '-20991231-' || :r || '-' || r.g ORDER BY r.chain;
UPDATE idempotency_records AS d SET status_code = 201, content_type = 'application/json; charset=utf-8', location = '/api/v1/me/complaints/x',
  protected_body = repeat('x', 560)
FROM generate_series(1, :k) g WHERE d.scope = 'write-ceiling' AND d.key = :r || '-' || g;
COMMIT;
