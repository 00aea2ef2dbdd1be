DROP FUNCTION department_sees(character, character);

CREATE FUNCTION department_sees(department text, case_region text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT case_region = department
      OR (region_subtree_prefix(department) <> department AND case_region LIKE region_subtree_prefix(department) || '%')
$$;
