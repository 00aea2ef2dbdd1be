-- Who may see a case (第五条): the department rule of visibility.sql, the same body, now over character(6), the type of
-- complaints.region_code. EF queries call it (Cases/CaseVisibility.DepartmentSees); with text arguments the column was cast
-- to text when the function was inlined, and then no index on region_code served it.
DROP FUNCTION department_sees(text, text);

-- A management department sees its division and every division below it. Simple enough to be inlined: with the
-- department known, a county's test folds to equality and the (region_code, received_at, id) index serves it in order.
CREATE FUNCTION department_sees(department character, case_region character) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT case_region = department
      OR (region_subtree_prefix(department) <> department AND case_region LIKE region_subtree_prefix(department) || '%')
$$;
