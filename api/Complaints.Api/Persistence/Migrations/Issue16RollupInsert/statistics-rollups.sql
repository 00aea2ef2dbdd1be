-- GENERATED from the figures (Domain/Reporting/Figures, Api/Statistics/StatisticsFigures) by
-- Statistics/StatisticsRollups.Generate(); StatisticsRollupTests compares. Do not edit: a change of the figures is a new
-- migration with the regenerated text and a rebuild (docs/decisions/statistics-rollups.md).

-- What each case counts in, as last added to the rollups: the trigger subtracts exactly this before it adds the new.
CREATE TABLE statistics_cases (
  complaint_id uuid PRIMARY KEY,
  day date NOT NULL,
  region_code character(6) NOT NULL,
  respondent_agency_id uuid NOT NULL,
  service_item text NOT NULL,
  figures text[] NOT NULL);

-- grain 'd': one day of receipt (CST), 'm': the month starting on start, 'y': the calendar year starting on start.
-- One column per rolled-up figure.
CREATE TABLE statistics_rollup (
  grain character(1) NOT NULL,
  start date NOT NULL,
  region_code character(6) NOT NULL,
  respondent_agency_id uuid NOT NULL,
  "received" integer NOT NULL DEFAULT 0,
  "received.in_person" integer NOT NULL DEFAULT 0,
  "received.phone_12345" integer NOT NULL DEFAULT 0,
  "received.phone_hotline" integer NOT NULL DEFAULT 0,
  "received.online_portal" integer NOT NULL DEFAULT 0,
  "received.online_app" integer NOT NULL DEFAULT 0,
  "received.email" integer NOT NULL DEFAULT 0,
  "received.letter" integer NOT NULL DEFAULT 0,
  "received.suggestion_box" integer NOT NULL DEFAULT 0,
  "accepted" integer NOT NULL DEFAULT 0,
  "notAccepted" integer NOT NULL DEFAULT 0,
  "notAccepted.no_clear_respondent_or_request" integer NOT NULL DEFAULT 0,
  "notAccepted.already_accepted_or_in_progress" integer NOT NULL DEFAULT 0,
  "notAccepted.other_legal_channel" integer NOT NULL DEFAULT 0,
  "notAccepted.repeat_without_new_evidence" integer NOT NULL DEFAULT 0,
  "referred" integer NOT NULL DEFAULT 0,
  "referredOnTime" integer NOT NULL DEFAULT 0,
  "referredLate" integer NOT NULL DEFAULT 0,
  "decided" integer NOT NULL DEFAULT 0,
  "decidedOnTime" integer NOT NULL DEFAULT 0,
  "decidedLate" integer NOT NULL DEFAULT 0,
  "onsite" integer NOT NULL DEFAULT 0,
  "offsite" integer NOT NULL DEFAULT 0,
  "concluded" integer NOT NULL DEFAULT 0,
  "concludedOnTime" integer NOT NULL DEFAULT 0,
  "concludedLate" integer NOT NULL DEFAULT 0,
  "extended" integer NOT NULL DEFAULT 0,
  "merged" integer NOT NULL DEFAULT 0,
  "finding.substantiated" integer NOT NULL DEFAULT 0,
  "finding.partially_substantiated" integer NOT NULL DEFAULT 0,
  "finding.unsubstantiated" integer NOT NULL DEFAULT 0,
  "finding.unverifiable" integer NOT NULL DEFAULT 0,
  "satisfaction.very_satisfied" integer NOT NULL DEFAULT 0,
  "satisfaction.satisfied" integer NOT NULL DEFAULT 0,
  "satisfaction.basically_satisfied" integer NOT NULL DEFAULT 0,
  "satisfaction.dissatisfied" integer NOT NULL DEFAULT 0,
  "satisfaction.very_dissatisfied" integer NOT NULL DEFAULT 0,
  "rectificationsOrdered" integer NOT NULL DEFAULT 0,
  "rectificationsCompleted" integer NOT NULL DEFAULT 0,
  "major" integer NOT NULL DEFAULT 0,
  PRIMARY KEY (grain, start, region_code, respondent_agency_id)) WITH (fillfactor = 80);
CREATE INDEX ix_statistics_rollup_region ON statistics_rollup (region_code, grain, start);
CREATE INDEX ix_statistics_rollup_agency ON statistics_rollup (respondent_agency_id, grain, start);

-- The received count per service item (the top service items), blank names left out.
CREATE TABLE statistics_items (
  grain character(1) NOT NULL,
  start date NOT NULL,
  region_code character(6) NOT NULL,
  item text NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (grain, start, region_code, item)) WITH (fillfactor = 80);
CREATE INDEX ix_statistics_items_region ON statistics_items (region_code, grain, start);

-- The live figures (overdue now) are counted at each request over the open cases: their own small index.
CREATE INDEX ix_complaints_open_by_receipt ON complaints (received_at) INCLUDE (region_code, respondent_agency_id, running_due_at)
  WHERE running_due_at IS NOT NULL;

-- What the figures read of a case's rectifications (r) and latest revisit (lr), as StatisticsFigures' conditions name them.
CREATE TYPE statistics_rectification AS (complaint_id uuid, verified boolean);
CREATE TYPE statistics_revisit AS (complaint_id uuid, rating text);

-- The keys of the rolled-up figures one case counts in: each figure's SQL condition (StatisticsFigures), for this case.
-- One expression without FROM, so PostgreSQL inlines it into the query that calls it.
CREATE FUNCTION statistics_figures(c complaints, r statistics_rectification, lr statistics_revisit) RETURNS text[]
  LANGUAGE sql STABLE AS $$
  SELECT array_remove(ARRAY[
    CASE WHEN TRUE THEN 'received' END,
    CASE WHEN c.channel = 'InPerson' THEN 'received.in_person' END,
    CASE WHEN c.channel = 'Phone12345' THEN 'received.phone_12345' END,
    CASE WHEN c.channel = 'PhoneHotline' THEN 'received.phone_hotline' END,
    CASE WHEN c.channel = 'OnlinePortal' THEN 'received.online_portal' END,
    CASE WHEN c.channel = 'OnlineApp' THEN 'received.online_app' END,
    CASE WHEN c.channel = 'Email' THEN 'received.email' END,
    CASE WHEN c.channel = 'Letter' THEN 'received.letter' END,
    CASE WHEN c.channel = 'SuggestionBox' THEN 'received.suggestion_box' END,
    CASE WHEN (c.classification IS NOT NULL OR c.status IN ('InHandling', 'Concluded')) THEN 'accepted' END,
    CASE WHEN (c.status = 'NotAccepted' OR c.not_accepted_reason IS NOT NULL) THEN 'notAccepted' END,
    CASE WHEN c.not_accepted_reason = 'NoClearRespondentOrRequest' THEN 'notAccepted.no_clear_respondent_or_request' END,
    CASE WHEN c.not_accepted_reason = 'AlreadyAcceptedOrInProgress' THEN 'notAccepted.already_accepted_or_in_progress' END,
    CASE WHEN c.not_accepted_reason = 'OtherLegalChannel' THEN 'notAccepted.other_legal_channel' END,
    CASE WHEN c.not_accepted_reason = 'RepeatWithoutNewEvidence' THEN 'notAccepted.repeat_without_new_evidence' END,
    CASE WHEN c.referred_at IS NOT NULL THEN 'referred' END,
    CASE WHEN (c.referred_at IS NOT NULL AND c.referred_on_time) THEN 'referredOnTime' END,
    CASE WHEN (c.referred_at IS NOT NULL AND NOT c.referred_on_time) THEN 'referredLate' END,
    CASE WHEN c.decided_at IS NOT NULL THEN 'decided' END,
    CASE WHEN (c.decided_at IS NOT NULL AND c.decided_on_time) THEN 'decidedOnTime' END,
    CASE WHEN (c.decided_at IS NOT NULL AND NOT c.decided_on_time) THEN 'decidedLate' END,
    CASE WHEN c.classification = 'Onsite' THEN 'onsite' END,
    CASE WHEN c.classification = 'Offsite' THEN 'offsite' END,
    CASE WHEN c.status = 'Concluded' THEN 'concluded' END,
    CASE WHEN (c.status = 'Concluded' AND c.concluded_on_time) THEN 'concludedOnTime' END,
    CASE WHEN (c.status = 'Concluded' AND NOT c.concluded_on_time) THEN 'concludedLate' END,
    CASE WHEN c.extended THEN 'extended' END,
    CASE WHEN c.status = 'Merged' THEN 'merged' END,
    CASE WHEN c.finding = 'Substantiated' THEN 'finding.substantiated' END,
    CASE WHEN c.finding = 'PartiallySubstantiated' THEN 'finding.partially_substantiated' END,
    CASE WHEN c.finding = 'Unsubstantiated' THEN 'finding.unsubstantiated' END,
    CASE WHEN c.finding = 'Unverifiable' THEN 'finding.unverifiable' END,
    CASE WHEN coalesce(c.complainant_rating, lr.rating) = 'VerySatisfied' THEN 'satisfaction.very_satisfied' END,
    CASE WHEN coalesce(c.complainant_rating, lr.rating) = 'Satisfied' THEN 'satisfaction.satisfied' END,
    CASE WHEN coalesce(c.complainant_rating, lr.rating) = 'BasicallySatisfied' THEN 'satisfaction.basically_satisfied' END,
    CASE WHEN coalesce(c.complainant_rating, lr.rating) = 'Dissatisfied' THEN 'satisfaction.dissatisfied' END,
    CASE WHEN coalesce(c.complainant_rating, lr.rating) = 'VeryDissatisfied' THEN 'satisfaction.very_dissatisfied' END,
    CASE WHEN r.complaint_id IS NOT NULL THEN 'rectificationsOrdered' END,
    CASE WHEN coalesce(r.verified, false) THEN 'rectificationsCompleted' END,
    CASE WHEN c.is_major THEN 'major' END
  ]::text[], NULL)
$$;

-- Each case's row of statistics_cases: where it counts (day of receipt in CST, division, agency, item) and in what.
-- The trigger reads one case of it, the rebuild all of them.
CREATE VIEW statistics_case_rows AS
  SELECT c.id AS complaint_id, (c.received_at AT TIME ZONE 'Asia/Shanghai')::date AS day, c.region_code, c.respondent_agency_id,
         coalesce(btrim(c.service_item_name), '') AS service_item,
         statistics_figures(c, ROW(r.complaint_id, r.verified)::statistics_rectification, ROW(lr.complaint_id, lr.rating)::statistics_revisit) AS figures
  FROM complaints c
  LEFT JOIN (SELECT complaint_id, bool_or(status = 'Verified') AS verified FROM complaint_rectifications GROUP BY complaint_id) r
    ON r.complaint_id = c.id
  LEFT JOIN (SELECT DISTINCT ON (complaint_id) complaint_id, rating FROM complaint_revisits ORDER BY complaint_id, number DESC) lr
    ON lr.complaint_id = c.id;

-- Adds (plus) and subtracts (minus) one case's figures in its day, its month and its year. PL/pgSQL, whose plans a session keeps:
-- a SQL function called from the trigger is planned again on every call.
CREATE FUNCTION statistics_apply(s statistics_cases, plus text[], minus text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS MATERIALIZED (SELECT
      ('received' = ANY(plus))::int - ('received' = ANY(minus))::int AS "received",
      ('received.in_person' = ANY(plus))::int - ('received.in_person' = ANY(minus))::int AS "received.in_person",
      ('received.phone_12345' = ANY(plus))::int - ('received.phone_12345' = ANY(minus))::int AS "received.phone_12345",
      ('received.phone_hotline' = ANY(plus))::int - ('received.phone_hotline' = ANY(minus))::int AS "received.phone_hotline",
      ('received.online_portal' = ANY(plus))::int - ('received.online_portal' = ANY(minus))::int AS "received.online_portal",
      ('received.online_app' = ANY(plus))::int - ('received.online_app' = ANY(minus))::int AS "received.online_app",
      ('received.email' = ANY(plus))::int - ('received.email' = ANY(minus))::int AS "received.email",
      ('received.letter' = ANY(plus))::int - ('received.letter' = ANY(minus))::int AS "received.letter",
      ('received.suggestion_box' = ANY(plus))::int - ('received.suggestion_box' = ANY(minus))::int AS "received.suggestion_box",
      ('accepted' = ANY(plus))::int - ('accepted' = ANY(minus))::int AS "accepted",
      ('notAccepted' = ANY(plus))::int - ('notAccepted' = ANY(minus))::int AS "notAccepted",
      ('notAccepted.no_clear_respondent_or_request' = ANY(plus))::int - ('notAccepted.no_clear_respondent_or_request' = ANY(minus))::int AS "notAccepted.no_clear_respondent_or_request",
      ('notAccepted.already_accepted_or_in_progress' = ANY(plus))::int - ('notAccepted.already_accepted_or_in_progress' = ANY(minus))::int AS "notAccepted.already_accepted_or_in_progress",
      ('notAccepted.other_legal_channel' = ANY(plus))::int - ('notAccepted.other_legal_channel' = ANY(minus))::int AS "notAccepted.other_legal_channel",
      ('notAccepted.repeat_without_new_evidence' = ANY(plus))::int - ('notAccepted.repeat_without_new_evidence' = ANY(minus))::int AS "notAccepted.repeat_without_new_evidence",
      ('referred' = ANY(plus))::int - ('referred' = ANY(minus))::int AS "referred",
      ('referredOnTime' = ANY(plus))::int - ('referredOnTime' = ANY(minus))::int AS "referredOnTime",
      ('referredLate' = ANY(plus))::int - ('referredLate' = ANY(minus))::int AS "referredLate",
      ('decided' = ANY(plus))::int - ('decided' = ANY(minus))::int AS "decided",
      ('decidedOnTime' = ANY(plus))::int - ('decidedOnTime' = ANY(minus))::int AS "decidedOnTime",
      ('decidedLate' = ANY(plus))::int - ('decidedLate' = ANY(minus))::int AS "decidedLate",
      ('onsite' = ANY(plus))::int - ('onsite' = ANY(minus))::int AS "onsite",
      ('offsite' = ANY(plus))::int - ('offsite' = ANY(minus))::int AS "offsite",
      ('concluded' = ANY(plus))::int - ('concluded' = ANY(minus))::int AS "concluded",
      ('concludedOnTime' = ANY(plus))::int - ('concludedOnTime' = ANY(minus))::int AS "concludedOnTime",
      ('concludedLate' = ANY(plus))::int - ('concludedLate' = ANY(minus))::int AS "concludedLate",
      ('extended' = ANY(plus))::int - ('extended' = ANY(minus))::int AS "extended",
      ('merged' = ANY(plus))::int - ('merged' = ANY(minus))::int AS "merged",
      ('finding.substantiated' = ANY(plus))::int - ('finding.substantiated' = ANY(minus))::int AS "finding.substantiated",
      ('finding.partially_substantiated' = ANY(plus))::int - ('finding.partially_substantiated' = ANY(minus))::int AS "finding.partially_substantiated",
      ('finding.unsubstantiated' = ANY(plus))::int - ('finding.unsubstantiated' = ANY(minus))::int AS "finding.unsubstantiated",
      ('finding.unverifiable' = ANY(plus))::int - ('finding.unverifiable' = ANY(minus))::int AS "finding.unverifiable",
      ('satisfaction.very_satisfied' = ANY(plus))::int - ('satisfaction.very_satisfied' = ANY(minus))::int AS "satisfaction.very_satisfied",
      ('satisfaction.satisfied' = ANY(plus))::int - ('satisfaction.satisfied' = ANY(minus))::int AS "satisfaction.satisfied",
      ('satisfaction.basically_satisfied' = ANY(plus))::int - ('satisfaction.basically_satisfied' = ANY(minus))::int AS "satisfaction.basically_satisfied",
      ('satisfaction.dissatisfied' = ANY(plus))::int - ('satisfaction.dissatisfied' = ANY(minus))::int AS "satisfaction.dissatisfied",
      ('satisfaction.very_dissatisfied' = ANY(plus))::int - ('satisfaction.very_dissatisfied' = ANY(minus))::int AS "satisfaction.very_dissatisfied",
      ('rectificationsOrdered' = ANY(plus))::int - ('rectificationsOrdered' = ANY(minus))::int AS "rectificationsOrdered",
      ('rectificationsCompleted' = ANY(plus))::int - ('rectificationsCompleted' = ANY(minus))::int AS "rectificationsCompleted",
      ('major' = ANY(plus))::int - ('major' = ANY(minus))::int AS "major")
  INSERT INTO statistics_rollup AS t (grain, start, region_code, respondent_agency_id,
    "received", "received.in_person", "received.phone_12345", "received.phone_hotline", "received.online_portal", "received.online_app", "received.email", "received.letter", "received.suggestion_box", "accepted", "notAccepted", "notAccepted.no_clear_respondent_or_request", "notAccepted.already_accepted_or_in_progress", "notAccepted.other_legal_channel", "notAccepted.repeat_without_new_evidence", "referred", "referredOnTime", "referredLate", "decided", "decidedOnTime", "decidedLate", "onsite", "offsite", "concluded", "concludedOnTime", "concludedLate", "extended", "merged", "finding.substantiated", "finding.partially_substantiated", "finding.unsubstantiated", "finding.unverifiable", "satisfaction.very_satisfied", "satisfaction.satisfied", "satisfaction.basically_satisfied", "satisfaction.dissatisfied", "satisfaction.very_dissatisfied", "rectificationsOrdered", "rectificationsCompleted", "major")
  SELECT g.grain, g.start, s.region_code, s.respondent_agency_id,
    d."received", d."received.in_person", d."received.phone_12345", d."received.phone_hotline", d."received.online_portal", d."received.online_app", d."received.email", d."received.letter", d."received.suggestion_box", d."accepted", d."notAccepted", d."notAccepted.no_clear_respondent_or_request", d."notAccepted.already_accepted_or_in_progress", d."notAccepted.other_legal_channel", d."notAccepted.repeat_without_new_evidence", d."referred", d."referredOnTime", d."referredLate", d."decided", d."decidedOnTime", d."decidedLate", d."onsite", d."offsite", d."concluded", d."concludedOnTime", d."concludedLate", d."extended", d."merged", d."finding.substantiated", d."finding.partially_substantiated", d."finding.unsubstantiated", d."finding.unverifiable", d."satisfaction.very_satisfied", d."satisfaction.satisfied", d."satisfaction.basically_satisfied", d."satisfaction.dissatisfied", d."satisfaction.very_dissatisfied", d."rectificationsOrdered", d."rectificationsCompleted", d."major"
  FROM d, (VALUES ('d', s.day), ('m', date_trunc('month', s.day)::date), ('y', date_trunc('year', s.day)::date)) AS g(grain, start)
  ON CONFLICT (grain, start, region_code, respondent_agency_id) DO UPDATE SET
    "received" = t."received" + excluded."received",
    "received.in_person" = t."received.in_person" + excluded."received.in_person",
    "received.phone_12345" = t."received.phone_12345" + excluded."received.phone_12345",
    "received.phone_hotline" = t."received.phone_hotline" + excluded."received.phone_hotline",
    "received.online_portal" = t."received.online_portal" + excluded."received.online_portal",
    "received.online_app" = t."received.online_app" + excluded."received.online_app",
    "received.email" = t."received.email" + excluded."received.email",
    "received.letter" = t."received.letter" + excluded."received.letter",
    "received.suggestion_box" = t."received.suggestion_box" + excluded."received.suggestion_box",
    "accepted" = t."accepted" + excluded."accepted",
    "notAccepted" = t."notAccepted" + excluded."notAccepted",
    "notAccepted.no_clear_respondent_or_request" = t."notAccepted.no_clear_respondent_or_request" + excluded."notAccepted.no_clear_respondent_or_request",
    "notAccepted.already_accepted_or_in_progress" = t."notAccepted.already_accepted_or_in_progress" + excluded."notAccepted.already_accepted_or_in_progress",
    "notAccepted.other_legal_channel" = t."notAccepted.other_legal_channel" + excluded."notAccepted.other_legal_channel",
    "notAccepted.repeat_without_new_evidence" = t."notAccepted.repeat_without_new_evidence" + excluded."notAccepted.repeat_without_new_evidence",
    "referred" = t."referred" + excluded."referred",
    "referredOnTime" = t."referredOnTime" + excluded."referredOnTime",
    "referredLate" = t."referredLate" + excluded."referredLate",
    "decided" = t."decided" + excluded."decided",
    "decidedOnTime" = t."decidedOnTime" + excluded."decidedOnTime",
    "decidedLate" = t."decidedLate" + excluded."decidedLate",
    "onsite" = t."onsite" + excluded."onsite",
    "offsite" = t."offsite" + excluded."offsite",
    "concluded" = t."concluded" + excluded."concluded",
    "concludedOnTime" = t."concludedOnTime" + excluded."concludedOnTime",
    "concludedLate" = t."concludedLate" + excluded."concludedLate",
    "extended" = t."extended" + excluded."extended",
    "merged" = t."merged" + excluded."merged",
    "finding.substantiated" = t."finding.substantiated" + excluded."finding.substantiated",
    "finding.partially_substantiated" = t."finding.partially_substantiated" + excluded."finding.partially_substantiated",
    "finding.unsubstantiated" = t."finding.unsubstantiated" + excluded."finding.unsubstantiated",
    "finding.unverifiable" = t."finding.unverifiable" + excluded."finding.unverifiable",
    "satisfaction.very_satisfied" = t."satisfaction.very_satisfied" + excluded."satisfaction.very_satisfied",
    "satisfaction.satisfied" = t."satisfaction.satisfied" + excluded."satisfaction.satisfied",
    "satisfaction.basically_satisfied" = t."satisfaction.basically_satisfied" + excluded."satisfaction.basically_satisfied",
    "satisfaction.dissatisfied" = t."satisfaction.dissatisfied" + excluded."satisfaction.dissatisfied",
    "satisfaction.very_dissatisfied" = t."satisfaction.very_dissatisfied" + excluded."satisfaction.very_dissatisfied",
    "rectificationsOrdered" = t."rectificationsOrdered" + excluded."rectificationsOrdered",
    "rectificationsCompleted" = t."rectificationsCompleted" + excluded."rectificationsCompleted",
    "major" = t."major" + excluded."major";
END $$;

CREATE FUNCTION statistics_apply_item(s statistics_cases, delta integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO statistics_items AS t (grain, start, region_code, item, n)
  SELECT g.grain, g.start, s.region_code, s.service_item, delta
  FROM (VALUES ('d', s.day), ('m', date_trunc('month', s.day)::date), ('y', date_trunc('year', s.day)::date)) AS g(grain, start)
  WHERE s.service_item <> ''
  ON CONFLICT (grain, start, region_code, item) DO UPDATE SET n = t.n + excluded.n;
END $$;

-- One case changed (or its rectifications or revisits did): the rollups lose what it counted and gain what it counts,
-- in the changing transaction. Its statistics_cases row is locked first, so two writers of one case apply in turn.
CREATE FUNCTION statistics_refresh(case_id uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  was statistics_cases;
  now_ statistics_cases;
  had boolean;
  has boolean;
BEGIN
  SELECT * INTO was FROM statistics_cases WHERE complaint_id = case_id FOR UPDATE;
  had := FOUND;
  SELECT * INTO now_ FROM statistics_case_rows WHERE complaint_id = case_id;
  has := FOUND;
  IF had AND has AND (was.day, was.region_code, was.respondent_agency_id) = (now_.day, now_.region_code, now_.respondent_agency_id) THEN
    IF was.figures IS DISTINCT FROM now_.figures THEN
      PERFORM statistics_apply(now_, now_.figures, was.figures);
    END IF;
  ELSE
    IF had THEN PERFORM statistics_apply(was, '{}', was.figures); END IF;
    IF has THEN PERFORM statistics_apply(now_, now_.figures, '{}'); END IF;
  END IF;
  IF NOT (had AND has AND (was.day, was.region_code, was.service_item) = (now_.day, now_.region_code, now_.service_item)) THEN
    IF had THEN PERFORM statistics_apply_item(was, -1); END IF;
    IF has THEN PERFORM statistics_apply_item(now_, 1); END IF;
  END IF;
  IF NOT has THEN
    DELETE FROM statistics_cases WHERE complaint_id = case_id;
  ELSIF NOT had THEN
    INSERT INTO statistics_cases SELECT now_.*;
  ELSIF was IS DISTINCT FROM now_ THEN
    UPDATE statistics_cases SET day = now_.day, region_code = now_.region_code, respondent_agency_id = now_.respondent_agency_id,
      service_item = now_.service_item, figures = now_.figures
    WHERE complaint_id = case_id;
  END IF;
END $$;

-- A new case (the work of every submission) is added without statistics_refresh's reads: it has counted in nothing yet
-- (its statistics_cases row is inserted here, so a leftover one would fail the insert, never miscount), and it has no
-- rectification or revisit yet (their foreign keys need the case first), so its row of statistics_case_rows is NEW's
-- with no parts: the same expressions, without reading the case back or locking a row no other transaction can see.
CREATE FUNCTION statistics_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  now_ statistics_cases;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT NEW.id AS complaint_id, (NEW.received_at AT TIME ZONE 'Asia/Shanghai')::date AS day, NEW.region_code, NEW.respondent_agency_id,
         coalesce(btrim(NEW.service_item_name), '') AS service_item,
         statistics_figures(NEW, ROW(NULL, NULL)::statistics_rectification, ROW(NULL, NULL)::statistics_revisit) AS figures INTO now_;
    WITH d AS MATERIALIZED (SELECT
        ('received' = ANY(now_.figures))::int AS "received",
        ('received.in_person' = ANY(now_.figures))::int AS "received.in_person",
        ('received.phone_12345' = ANY(now_.figures))::int AS "received.phone_12345",
        ('received.phone_hotline' = ANY(now_.figures))::int AS "received.phone_hotline",
        ('received.online_portal' = ANY(now_.figures))::int AS "received.online_portal",
        ('received.online_app' = ANY(now_.figures))::int AS "received.online_app",
        ('received.email' = ANY(now_.figures))::int AS "received.email",
        ('received.letter' = ANY(now_.figures))::int AS "received.letter",
        ('received.suggestion_box' = ANY(now_.figures))::int AS "received.suggestion_box",
        ('accepted' = ANY(now_.figures))::int AS "accepted",
        ('notAccepted' = ANY(now_.figures))::int AS "notAccepted",
        ('notAccepted.no_clear_respondent_or_request' = ANY(now_.figures))::int AS "notAccepted.no_clear_respondent_or_request",
        ('notAccepted.already_accepted_or_in_progress' = ANY(now_.figures))::int AS "notAccepted.already_accepted_or_in_progress",
        ('notAccepted.other_legal_channel' = ANY(now_.figures))::int AS "notAccepted.other_legal_channel",
        ('notAccepted.repeat_without_new_evidence' = ANY(now_.figures))::int AS "notAccepted.repeat_without_new_evidence",
        ('referred' = ANY(now_.figures))::int AS "referred",
        ('referredOnTime' = ANY(now_.figures))::int AS "referredOnTime",
        ('referredLate' = ANY(now_.figures))::int AS "referredLate",
        ('decided' = ANY(now_.figures))::int AS "decided",
        ('decidedOnTime' = ANY(now_.figures))::int AS "decidedOnTime",
        ('decidedLate' = ANY(now_.figures))::int AS "decidedLate",
        ('onsite' = ANY(now_.figures))::int AS "onsite",
        ('offsite' = ANY(now_.figures))::int AS "offsite",
        ('concluded' = ANY(now_.figures))::int AS "concluded",
        ('concludedOnTime' = ANY(now_.figures))::int AS "concludedOnTime",
        ('concludedLate' = ANY(now_.figures))::int AS "concludedLate",
        ('extended' = ANY(now_.figures))::int AS "extended",
        ('merged' = ANY(now_.figures))::int AS "merged",
        ('finding.substantiated' = ANY(now_.figures))::int AS "finding.substantiated",
        ('finding.partially_substantiated' = ANY(now_.figures))::int AS "finding.partially_substantiated",
        ('finding.unsubstantiated' = ANY(now_.figures))::int AS "finding.unsubstantiated",
        ('finding.unverifiable' = ANY(now_.figures))::int AS "finding.unverifiable",
        ('satisfaction.very_satisfied' = ANY(now_.figures))::int AS "satisfaction.very_satisfied",
        ('satisfaction.satisfied' = ANY(now_.figures))::int AS "satisfaction.satisfied",
        ('satisfaction.basically_satisfied' = ANY(now_.figures))::int AS "satisfaction.basically_satisfied",
        ('satisfaction.dissatisfied' = ANY(now_.figures))::int AS "satisfaction.dissatisfied",
        ('satisfaction.very_dissatisfied' = ANY(now_.figures))::int AS "satisfaction.very_dissatisfied",
        ('rectificationsOrdered' = ANY(now_.figures))::int AS "rectificationsOrdered",
        ('rectificationsCompleted' = ANY(now_.figures))::int AS "rectificationsCompleted",
        ('major' = ANY(now_.figures))::int AS "major")
    INSERT INTO statistics_rollup AS t (grain, start, region_code, respondent_agency_id,
      "received", "received.in_person", "received.phone_12345", "received.phone_hotline", "received.online_portal", "received.online_app", "received.email", "received.letter", "received.suggestion_box", "accepted", "notAccepted", "notAccepted.no_clear_respondent_or_request", "notAccepted.already_accepted_or_in_progress", "notAccepted.other_legal_channel", "notAccepted.repeat_without_new_evidence", "referred", "referredOnTime", "referredLate", "decided", "decidedOnTime", "decidedLate", "onsite", "offsite", "concluded", "concludedOnTime", "concludedLate", "extended", "merged", "finding.substantiated", "finding.partially_substantiated", "finding.unsubstantiated", "finding.unverifiable", "satisfaction.very_satisfied", "satisfaction.satisfied", "satisfaction.basically_satisfied", "satisfaction.dissatisfied", "satisfaction.very_dissatisfied", "rectificationsOrdered", "rectificationsCompleted", "major")
    SELECT g.grain, g.start, now_.region_code, now_.respondent_agency_id,
      d."received", d."received.in_person", d."received.phone_12345", d."received.phone_hotline", d."received.online_portal", d."received.online_app", d."received.email", d."received.letter", d."received.suggestion_box", d."accepted", d."notAccepted", d."notAccepted.no_clear_respondent_or_request", d."notAccepted.already_accepted_or_in_progress", d."notAccepted.other_legal_channel", d."notAccepted.repeat_without_new_evidence", d."referred", d."referredOnTime", d."referredLate", d."decided", d."decidedOnTime", d."decidedLate", d."onsite", d."offsite", d."concluded", d."concludedOnTime", d."concludedLate", d."extended", d."merged", d."finding.substantiated", d."finding.partially_substantiated", d."finding.unsubstantiated", d."finding.unverifiable", d."satisfaction.very_satisfied", d."satisfaction.satisfied", d."satisfaction.basically_satisfied", d."satisfaction.dissatisfied", d."satisfaction.very_dissatisfied", d."rectificationsOrdered", d."rectificationsCompleted", d."major"
    FROM d, (VALUES ('d', now_.day), ('m', date_trunc('month', now_.day)::date), ('y', date_trunc('year', now_.day)::date)) AS g(grain, start)
    ON CONFLICT (grain, start, region_code, respondent_agency_id) DO UPDATE SET
      "received" = t."received" + excluded."received",
      "received.in_person" = t."received.in_person" + excluded."received.in_person",
      "received.phone_12345" = t."received.phone_12345" + excluded."received.phone_12345",
      "received.phone_hotline" = t."received.phone_hotline" + excluded."received.phone_hotline",
      "received.online_portal" = t."received.online_portal" + excluded."received.online_portal",
      "received.online_app" = t."received.online_app" + excluded."received.online_app",
      "received.email" = t."received.email" + excluded."received.email",
      "received.letter" = t."received.letter" + excluded."received.letter",
      "received.suggestion_box" = t."received.suggestion_box" + excluded."received.suggestion_box",
      "accepted" = t."accepted" + excluded."accepted",
      "notAccepted" = t."notAccepted" + excluded."notAccepted",
      "notAccepted.no_clear_respondent_or_request" = t."notAccepted.no_clear_respondent_or_request" + excluded."notAccepted.no_clear_respondent_or_request",
      "notAccepted.already_accepted_or_in_progress" = t."notAccepted.already_accepted_or_in_progress" + excluded."notAccepted.already_accepted_or_in_progress",
      "notAccepted.other_legal_channel" = t."notAccepted.other_legal_channel" + excluded."notAccepted.other_legal_channel",
      "notAccepted.repeat_without_new_evidence" = t."notAccepted.repeat_without_new_evidence" + excluded."notAccepted.repeat_without_new_evidence",
      "referred" = t."referred" + excluded."referred",
      "referredOnTime" = t."referredOnTime" + excluded."referredOnTime",
      "referredLate" = t."referredLate" + excluded."referredLate",
      "decided" = t."decided" + excluded."decided",
      "decidedOnTime" = t."decidedOnTime" + excluded."decidedOnTime",
      "decidedLate" = t."decidedLate" + excluded."decidedLate",
      "onsite" = t."onsite" + excluded."onsite",
      "offsite" = t."offsite" + excluded."offsite",
      "concluded" = t."concluded" + excluded."concluded",
      "concludedOnTime" = t."concludedOnTime" + excluded."concludedOnTime",
      "concludedLate" = t."concludedLate" + excluded."concludedLate",
      "extended" = t."extended" + excluded."extended",
      "merged" = t."merged" + excluded."merged",
      "finding.substantiated" = t."finding.substantiated" + excluded."finding.substantiated",
      "finding.partially_substantiated" = t."finding.partially_substantiated" + excluded."finding.partially_substantiated",
      "finding.unsubstantiated" = t."finding.unsubstantiated" + excluded."finding.unsubstantiated",
      "finding.unverifiable" = t."finding.unverifiable" + excluded."finding.unverifiable",
      "satisfaction.very_satisfied" = t."satisfaction.very_satisfied" + excluded."satisfaction.very_satisfied",
      "satisfaction.satisfied" = t."satisfaction.satisfied" + excluded."satisfaction.satisfied",
      "satisfaction.basically_satisfied" = t."satisfaction.basically_satisfied" + excluded."satisfaction.basically_satisfied",
      "satisfaction.dissatisfied" = t."satisfaction.dissatisfied" + excluded."satisfaction.dissatisfied",
      "satisfaction.very_dissatisfied" = t."satisfaction.very_dissatisfied" + excluded."satisfaction.very_dissatisfied",
      "rectificationsOrdered" = t."rectificationsOrdered" + excluded."rectificationsOrdered",
      "rectificationsCompleted" = t."rectificationsCompleted" + excluded."rectificationsCompleted",
      "major" = t."major" + excluded."major";
    INSERT INTO statistics_items AS t (grain, start, region_code, item, n)
    SELECT g.grain, g.start, now_.region_code, now_.service_item, 1
    FROM (VALUES ('d', now_.day), ('m', date_trunc('month', now_.day)::date), ('y', date_trunc('year', now_.day)::date)) AS g(grain, start)
    WHERE now_.service_item <> ''
    ON CONFLICT (grain, start, region_code, item) DO UPDATE SET n = t.n + excluded.n;
    INSERT INTO statistics_cases SELECT now_.*;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM statistics_refresh(OLD.id);
  ELSE
    PERFORM statistics_refresh(NEW.id);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION statistics_case_part_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN PERFORM statistics_refresh(OLD.complaint_id); ELSE PERFORM statistics_refresh(NEW.complaint_id); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER statistics_insert_delete AFTER INSERT OR DELETE ON complaints
  FOR EACH ROW EXECUTE FUNCTION statistics_case_changed();
CREATE TRIGGER statistics_update AFTER UPDATE ON complaints
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION statistics_case_changed();
CREATE TRIGGER statistics_rectifications AFTER INSERT OR UPDATE OR DELETE ON complaint_rectifications
  FOR EACH ROW EXECUTE FUNCTION statistics_case_part_changed();
CREATE TRIGGER statistics_revisits AFTER INSERT OR UPDATE OR DELETE ON complaint_revisits
  FOR EACH ROW EXECUTE FUNCTION statistics_case_part_changed();

-- The rollups counted again from every case (the migration; the benchmark's seeder after its COPY, whose replica
-- role fires no trigger). Run it while nothing writes cases.
CREATE FUNCTION statistics_rebuild() RETURNS void LANGUAGE sql AS $$
  TRUNCATE statistics_cases, statistics_rollup, statistics_items;
  INSERT INTO statistics_cases SELECT * FROM statistics_case_rows;
  INSERT INTO statistics_rollup (grain, start, region_code, respondent_agency_id,
    "received", "received.in_person", "received.phone_12345", "received.phone_hotline", "received.online_portal", "received.online_app", "received.email", "received.letter", "received.suggestion_box", "accepted", "notAccepted", "notAccepted.no_clear_respondent_or_request", "notAccepted.already_accepted_or_in_progress", "notAccepted.other_legal_channel", "notAccepted.repeat_without_new_evidence", "referred", "referredOnTime", "referredLate", "decided", "decidedOnTime", "decidedLate", "onsite", "offsite", "concluded", "concludedOnTime", "concludedLate", "extended", "merged", "finding.substantiated", "finding.partially_substantiated", "finding.unsubstantiated", "finding.unverifiable", "satisfaction.very_satisfied", "satisfaction.satisfied", "satisfaction.basically_satisfied", "satisfaction.dissatisfied", "satisfaction.very_dissatisfied", "rectificationsOrdered", "rectificationsCompleted", "major")
  SELECT g.grain, g.start, s.region_code, s.respondent_agency_id,
    count(*) FILTER (WHERE 'received' = ANY(s.figures)),
    count(*) FILTER (WHERE 'received.in_person' = ANY(s.figures)),
    count(*) FILTER (WHERE 'received.phone_12345' = ANY(s.figures)),
    count(*) FILTER (WHERE 'received.phone_hotline' = ANY(s.figures)),
    count(*) FILTER (WHERE 'received.online_portal' = ANY(s.figures)),
    count(*) FILTER (WHERE 'received.online_app' = ANY(s.figures)),
    count(*) FILTER (WHERE 'received.email' = ANY(s.figures)),
    count(*) FILTER (WHERE 'received.letter' = ANY(s.figures)),
    count(*) FILTER (WHERE 'received.suggestion_box' = ANY(s.figures)),
    count(*) FILTER (WHERE 'accepted' = ANY(s.figures)),
    count(*) FILTER (WHERE 'notAccepted' = ANY(s.figures)),
    count(*) FILTER (WHERE 'notAccepted.no_clear_respondent_or_request' = ANY(s.figures)),
    count(*) FILTER (WHERE 'notAccepted.already_accepted_or_in_progress' = ANY(s.figures)),
    count(*) FILTER (WHERE 'notAccepted.other_legal_channel' = ANY(s.figures)),
    count(*) FILTER (WHERE 'notAccepted.repeat_without_new_evidence' = ANY(s.figures)),
    count(*) FILTER (WHERE 'referred' = ANY(s.figures)),
    count(*) FILTER (WHERE 'referredOnTime' = ANY(s.figures)),
    count(*) FILTER (WHERE 'referredLate' = ANY(s.figures)),
    count(*) FILTER (WHERE 'decided' = ANY(s.figures)),
    count(*) FILTER (WHERE 'decidedOnTime' = ANY(s.figures)),
    count(*) FILTER (WHERE 'decidedLate' = ANY(s.figures)),
    count(*) FILTER (WHERE 'onsite' = ANY(s.figures)),
    count(*) FILTER (WHERE 'offsite' = ANY(s.figures)),
    count(*) FILTER (WHERE 'concluded' = ANY(s.figures)),
    count(*) FILTER (WHERE 'concludedOnTime' = ANY(s.figures)),
    count(*) FILTER (WHERE 'concludedLate' = ANY(s.figures)),
    count(*) FILTER (WHERE 'extended' = ANY(s.figures)),
    count(*) FILTER (WHERE 'merged' = ANY(s.figures)),
    count(*) FILTER (WHERE 'finding.substantiated' = ANY(s.figures)),
    count(*) FILTER (WHERE 'finding.partially_substantiated' = ANY(s.figures)),
    count(*) FILTER (WHERE 'finding.unsubstantiated' = ANY(s.figures)),
    count(*) FILTER (WHERE 'finding.unverifiable' = ANY(s.figures)),
    count(*) FILTER (WHERE 'satisfaction.very_satisfied' = ANY(s.figures)),
    count(*) FILTER (WHERE 'satisfaction.satisfied' = ANY(s.figures)),
    count(*) FILTER (WHERE 'satisfaction.basically_satisfied' = ANY(s.figures)),
    count(*) FILTER (WHERE 'satisfaction.dissatisfied' = ANY(s.figures)),
    count(*) FILTER (WHERE 'satisfaction.very_dissatisfied' = ANY(s.figures)),
    count(*) FILTER (WHERE 'rectificationsOrdered' = ANY(s.figures)),
    count(*) FILTER (WHERE 'rectificationsCompleted' = ANY(s.figures)),
    count(*) FILTER (WHERE 'major' = ANY(s.figures))
  FROM statistics_cases s, LATERAL (VALUES ('d', s.day), ('m', date_trunc('month', s.day)::date), ('y', date_trunc('year', s.day)::date)) AS g(grain, start)
  GROUP BY g.grain, g.start, s.region_code, s.respondent_agency_id
  ORDER BY g.grain, g.start;
  INSERT INTO statistics_items (grain, start, region_code, item, n)
  SELECT g.grain, g.start, s.region_code, s.service_item, count(*)
  FROM statistics_cases s, LATERAL (VALUES ('d', s.day), ('m', date_trunc('month', s.day)::date), ('y', date_trunc('year', s.day)::date)) AS g(grain, start)
  WHERE s.service_item <> ''
  GROUP BY g.grain, g.start, s.region_code, s.service_item
  ORDER BY g.grain, g.start;
$$;

SELECT statistics_rebuild();
