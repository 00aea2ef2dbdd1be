using Complaints.Api.Statistics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Complaints.Api.Persistence.Migrations
{
    /// <summary>
    /// #16 item 3: the statistics rollups, kept by triggers in the transaction of every change of a case, and filled from the
    /// cases already stored. Its SQL (Issue16Rollups/statistics-rollups.sql) is generated from the figures
    /// (Statistics/StatisticsRollups) and embedded as written; docs/decisions/statistics-rollups.md.
    /// </summary>
    public partial class Issue16Rollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Read("statistics-rollups.sql"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(StatisticsRollups.DropSql);

        private static string Read(string file) => MigrationSql.Read("Issue16Rollups", file);
    }
}
