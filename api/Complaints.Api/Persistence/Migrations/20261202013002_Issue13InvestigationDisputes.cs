using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Complaints.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Issue13InvestigationDisputes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "disputed",
                table: "complaint_investigation_records",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Timeliness of acceptance decisions is now counted (第十一条): the statistics index covers its columns too,
            // so that a province's year stays an index-only scan (see BenchIndexes).
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_complaints_statistics;
                CREATE INDEX ix_complaints_statistics ON complaints (received_at) INCLUDE (
                  id, region_code, respondent_agency_id, status, classification, not_accepted_reason, referred_at, referred_on_time,
                  decided_at, decided_on_time, concluded_on_time, extended, running_due_at, is_major, channel, finding,
                  complainant_rating, service_item_name);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_complaints_statistics;
                CREATE INDEX ix_complaints_statistics ON complaints (received_at) INCLUDE (
                  id, region_code, respondent_agency_id, status, classification, not_accepted_reason, referred_at, referred_on_time,
                  concluded_on_time, extended, running_due_at, is_major, channel, finding, complainant_rating, service_item_name);
                """);

            migrationBuilder.DropColumn(
                name: "disputed",
                table: "complaint_investigation_records");
        }
    }
}
