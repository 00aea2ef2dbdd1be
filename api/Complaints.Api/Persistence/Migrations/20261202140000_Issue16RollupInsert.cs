using Complaints.Api.Statistics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Complaints.Api.Persistence.Migrations
{
    /// <summary>
    /// #16 (session 7): less PostgreSQL work per submission. The statistics trigger adds a new case from its inserted row
    /// (no read back, no lock, no nested function calls) and each rollup upsert evaluates a case's figures once, not once
    /// per grain: the rollup objects of Issue16RollupYears are dropped and re-created from the regenerated text
    /// (Issue16RollupInsert/statistics-rollups.sql, Statistics/StatisticsRollups), which ends with a rebuild from the cases;
    /// docs/decisions/statistics-rollups.md. The covering ix_complaints_statistics, read by no request since the rollups,
    /// becomes a plain index on received_at.
    /// </summary>
    public partial class Issue16RollupInsert : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(StatisticsRollups.DropSql);
            migrationBuilder.Sql(MigrationSql.Read("Issue16RollupInsert", "statistics-rollups.sql"));
            migrationBuilder.Sql(MigrationSql.Read("Issue16RollupInsert", "received-at-index.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MigrationSql.Read("Issue16RollupInsert", "received-at-index-down.sql"));
            migrationBuilder.Sql(StatisticsRollups.DropSql);
            migrationBuilder.Sql(MigrationSql.Read("Issue16RollupYears", "statistics-rollups.sql"));
        }
    }
}
