-- The statistics read the rollups (Issue16Rollups), so no request counts a period from the cases' covering index any more
-- (only StatisticsQuery.FromCasesAsync, the tests' reference count, and an agency's top service items, which its
-- foreign-key index serves). Every submission still wrote its 18 included columns. What remains of its use is the order
-- and range of received_at (content analysis, search, duplicate suggestions): a plain index on that column keeps it.
DROP INDEX ix_complaints_statistics;
CREATE INDEX ix_complaints_received_at ON complaints (received_at);
