-- Statistics by date of receipt (Statistics/StatisticsQuery), index-only: the index includes every column a figure reads,
-- among them the owned types' columns, which EF cannot put in an index, so it is created here (see ComplaintConfiguration).
-- A province's year of cases stays an index-only scan; a new figure that reads a new column adds it here (by a migration).
CREATE INDEX ix_complaints_statistics ON complaints (received_at) INCLUDE (
  id, region_code, respondent_agency_id, status, classification, not_accepted_reason, referred_at, referred_on_time,
  decided_at, decided_on_time, concluded_on_time, extended, running_due_at, is_major, channel, finding,
  complainant_rating, service_item_name);
