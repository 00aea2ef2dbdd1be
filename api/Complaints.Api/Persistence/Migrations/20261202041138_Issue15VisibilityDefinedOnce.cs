using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Complaints.Api.Persistence.Migrations
{
    /// <summary>
    /// #15 item 3: who may see a case (第五条), written once in SQL. <c>case_agency_ids</c> is the agency rule, from which the
    /// agency queue's rows (and so its trigger) are derived; <c>department_sees</c> is the management-department rule every
    /// hand-written query applies (Cases/CaseVisibility.RemitSql). Cases/CaseVisibility holds the same rules for EF and in
    /// C#; VisibilityParityTests compares all of them over generated cases.
    /// </summary>
    public partial class Issue15VisibilityDefinedOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
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

                -- The queue's rows derived from the agency rule.
                CREATE OR REPLACE FUNCTION agency_queue_rows(c complaints) RETURNS SETOF agency_queue LANGUAGE sql STABLE AS $$
                  SELECT c.id, a, c.received_at, c.tracking_number, c.status, c.channel, c.respondent_agency_id,
                         c.assigned_agency_id, c.lead_agency_id, c.service_item_name, c.classification, c.confidential,
                         c.running_due_date, c.running_due_at
                  FROM unnest(case_agency_ids(c)) AS agencies(a)
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION agency_queue_rows(c complaints) RETURNS SETOF agency_queue LANGUAGE sql STABLE AS $$
                  SELECT c.id, a, c.received_at, c.tracking_number, c.status, c.channel, c.respondent_agency_id,
                         c.assigned_agency_id, c.lead_agency_id, c.service_item_name, c.classification, c.confidential,
                         c.running_due_date, c.running_due_at
                  FROM (SELECT DISTINCT a FROM unnest(ARRAY[c.respondent_agency_id, c.assigned_agency_id, c.lead_agency_id] || c.cooperating_agency_ids) AS a
                        WHERE a IS NOT NULL) AS agencies(a)
                $$;
                DROP FUNCTION department_sees(text, text);
                DROP FUNCTION region_subtree_prefix(text);
                DROP FUNCTION case_agency_ids(complaints);
                """);
        }
    }
}
