-- Who may see a case (第五条), written once in SQL (#15 item 3). case_agency_ids is the agency rule, from which the agency
-- queue's rows, and so its trigger, are derived (agency-queue.sql); department_sees is the management-department rule every
-- hand-written query applies (Cases/CaseVisibility.RemitSql). Cases/CaseVisibility holds the same rules for EF and in C#;
-- Cases/VisibilityParityTests compares all of them over generated cases.

-- The agencies that see a case: the one complained about, the one it was referred to, the lead and each cooperating agency.
CREATE FUNCTION case_agency_ids(c complaints) RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT ARRAY(SELECT DISTINCT a FROM unnest(ARRAY[c.respondent_agency_id, c.assigned_agency_id, c.lead_agency_id] || c.cooperating_agency_ids) AS a
               WHERE a IS NOT NULL ORDER BY a)
$$;

-- GB/T 2260: a province (xx0000) covers xx…, a prefecture (xxxx00) covers xxxx…, a county only itself.
CREATE FUNCTION region_subtree_prefix(region text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN region LIKE '%0000' THEN left(region, 2) WHEN region LIKE '%00' THEN left(region, 4) ELSE region END
$$;

-- A management department sees its division and every division below it. Simple enough to be inlined: with the
-- department known, a county's test folds to equality and the (region_code, received_at, id) index serves it in order.
CREATE FUNCTION department_sees(department text, case_region text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT case_region = department
      OR (region_subtree_prefix(department) <> department AND case_region LIKE region_subtree_prefix(department) || '%')
$$;
