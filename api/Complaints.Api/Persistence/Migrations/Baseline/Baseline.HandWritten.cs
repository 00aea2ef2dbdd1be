using Microsoft.EntityFrameworkCore.Migrations;

namespace Complaints.Api.Persistence.Migrations;

/// <summary>
/// The baseline's hand-written SQL: what the model cannot express (functions, triggers, indexes over owned types' columns,
/// a column EF does not map), one embedded .sql file per concern beside this one, run in this order after the tables.
/// These files belong to the baseline and never change: a later change is a new migration (docs/decisions/baseline-migration.md).
/// </summary>
public partial class Baseline
{
    private static readonly string[] HandWrittenSql =
    [
        "column-defaults.sql", // defaults for writers that bypass EF
        "search.sql",          // search_vector, its trigger and indexes (#18)
        "statistics.sql",      // the index-only statistics index
        "visibility.sql",      // who may see a case (第五条)
        "agency-queue.sql",    // the agency queue's rows, derived from visibility.sql, kept by triggers
        "change-feed.sql",     // case_changes, kept by triggers (#17)
    ];

    private static void CreateHandWrittenObjects(MigrationBuilder migrationBuilder)
    {
        foreach (var file in HandWrittenSql)
        {
            migrationBuilder.Sql(Read(file));
        }
    }

    /// <summary>Before the tables are dropped: the functions depend on their row types, the triggers on the functions.</summary>
    private static void DropHandWrittenObjects(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            DROP TRIGGER complaints_case_changes_insert ON complaints;
            DROP TRIGGER complaints_case_changes_update ON complaints;
            DROP FUNCTION record_case_change();
            DROP TRIGGER agency_queue_insert ON complaints;
            DROP TRIGGER agency_queue_update ON complaints;
            DROP FUNCTION agency_queue_sync();
            DROP FUNCTION agency_queue_rows(complaints);
            DROP FUNCTION department_sees(text, text);
            DROP FUNCTION region_subtree_prefix(text);
            DROP FUNCTION case_agency_ids(complaints);
            DROP TRIGGER complaints_search_vector ON complaints;
            DROP FUNCTION complaints_search_vector();
            """);

    private static string Read(string file) => MigrationSql.Read("Baseline", file);
}
