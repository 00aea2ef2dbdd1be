DROP INDEX ix_complaints_received_at;
CREATE INDEX ix_complaints_statistics ON complaints (received_at) INCLUDE (
  id, region_code, respondent_agency_id, status, classification, not_accepted_reason, referred_at, referred_on_time,
  decided_at, decided_on_time, concluded_on_time, extended, running_due_at, is_major, channel, finding,
  complainant_rating, service_item_name);
