-- One durable submission's statements as the service sends them (bench/README.md, session 8), in the same order, in one
-- transaction: the idempotency claim, the division's serial, the webhook subscriptions, the case with its identity,
-- timeline and audit line (the database's triggers do the rest, as for the service), the remembered answer, the commit.
-- The service sends the case's four rows in one round trip (EF Core's batch): here one statement of four inserts.
-- The case's columns are copied from a case the service submitted (pgb_case), with a new id and tracking number.
\set a random(1, :agencies)
\set chain random(0, 15)
BEGIN;
INSERT INTO idempotency_records (scope, key, method, path, request_hash, created_at)
  VALUES ('write-ceiling', gen_random_uuid()::text, 'POST', '/api/v1/complaints', repeat('0', 64), now())
  ON CONFLICT (scope, key) DO NOTHING RETURNING key \gset
INSERT INTO tracking_sequences (region_code, day, last)
  SELECT a.region_code, DATE '2099-12-31', 1 FROM agencies a WHERE a.id = (SELECT id FROM pgb_agencies WHERE n = :a) AND a.active
  ON CONFLICT (region_code, day) DO UPDATE SET last = tracking_sequences.last + 1
  RETURNING region_code, last \gset
SELECT w.id FROM webhook_subscriptions AS w WHERE w.active AND w.region_code = :region_code;
WITH c AS (
  INSERT INTO complaints (id, tracking_number, received_at, respondent_agency_id, region_code, receiving_region_code, running_due_at, running_due_date, query_code_hash, channel, status, complainant_user_id, respondent_staff_name, respondent_window_number, service_item_name, service_item_code, request, facts, confidential, notice_by_post, assigned_agency_id, referred_at, referred_on_time, referral_note, decided_at, decided_on_time, accepted_at, classification, not_accepted_reason, related_case_id, not_accepted_explanation, extended, extended_at, extension_reason, lead_agency_id, finding, result, measures, concluded_at, concluded_on_time, is_invalid_complaint, merged_into_case_id, merged_into_tracking_number, merged_at, withdrawn_at, withdrawal_reason, complainant_rating, complainant_comment, rated_at, is_major, major_reported_at, major_summary, insight_words, overdue_flagged_due_at, search_terms, version, cooperating_agency_ids, evidence_ids, search_vector)
    SELECT gen_random_uuid(), 'PB' || :region_code || '-20991231-' || lpad(:last::text, 5, '0'), now(), (SELECT id FROM pgb_agencies WHERE n = :a),
           :region_code, :region_code, now() + interval '5 days', current_date + 5, query_code_hash, channel, status, complainant_user_id, respondent_staff_name, respondent_window_number, service_item_name, service_item_code, request, facts, confidential, notice_by_post, assigned_agency_id, referred_at, referred_on_time, referral_note, decided_at, decided_on_time, accepted_at, classification, not_accepted_reason, related_case_id, not_accepted_explanation, extended, extended_at, extension_reason, lead_agency_id, finding, result, measures, concluded_at, concluded_on_time, is_invalid_complaint, merged_into_case_id, merged_into_tracking_number, merged_at, withdrawn_at, withdrawal_reason, complainant_rating, complainant_comment, rated_at, is_major, major_reported_at, major_summary, insight_words, overdue_flagged_due_at, search_terms, version, cooperating_agency_ids, evidence_ids, search_vector
    FROM pgb_case RETURNING id
), i AS (
  INSERT INTO complainant_identities (complaint_id, type, name, id_type, id_number_encrypted, phone_encrypted, address, real_name_verified, id_number_blind_index, id_number_masked, phone_blind_index, phone_masked) SELECT c.id, type, name, id_type, id_number_encrypted, phone_encrypted, address, real_name_verified, id_number_blind_index, id_number_masked, phone_blind_index, phone_masked FROM c, pgb_identity
), t AS (
  INSERT INTO complaint_timeline (complaint_id, sequence, actor_agency_id, actor_region_code, actor_role, actor_user_id, article, at, details, kind)
  SELECT c.id, 1, NULL, NULL, 'Complainant', 'citizen-li-ming', '第六条', now(),
         '{"channel": "online_portal", "receivedBy": "region:530700", "confidential": "false", "evidenceCount": "0"}', 'Received' FROM c
), a AS (
  INSERT INTO audit_entries (action, actor_role, actor_user_id, at, case_id, chain, client_address, details)
  SELECT 'case.received', 'citizen', 'citizen-li-ming', now(), c.id, :chain, '127.0.0.1',
         'status=pending_referral;channel=online_portal;confidential=false;evidenceCount=0;receivedBy=region:' || :region_code FROM c
)
SELECT id FROM c \gset
UPDATE idempotency_records SET status_code = 201, content_type = 'application/json; charset=utf-8', location = '/api/v1/me/complaints/' || :id,
  protected_body = repeat('x', 560) WHERE scope = 'write-ceiling' AND key = :key;
COMMIT;
