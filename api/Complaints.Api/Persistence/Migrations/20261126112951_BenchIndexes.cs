using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Complaints.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class BenchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The agency queue's respondent branch (see ComplaintConfiguration): an index EF cannot model, as it mixes
            // the owned Respondent's column with the owner's.
            migrationBuilder.Sql("CREATE INDEX ix_complaints_respondent_agency_id_received_at_id ON complaints (respondent_agency_id, received_at, id);");

            migrationBuilder.DropIndex(
                name: "ix_complaints_assigned_agency_id_status",
                table: "complaints");

            migrationBuilder.DropIndex(
                name: "ix_complaints_complainant_user_id",
                table: "complaints");

            migrationBuilder.CreateSequence(
                name: "audit_entries_sequence");

            // Lines written before chains existed keep their numbers (and stay chain 0); new ones continue after them.
            migrationBuilder.Sql("SELECT setval('audit_entries_sequence', GREATEST((SELECT COALESCE(max(sequence), 0) FROM audit_entries), 1));");

            migrationBuilder.AddColumn<short>(
                name: "chain",
                table: "audit_entries",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.CreateIndex(
                name: "ix_complaints_assigned_agency_id_received_at_id",
                table: "complaints",
                columns: new[] { "assigned_agency_id", "received_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_complainant_user_id_received_at_id",
                table: "complaints",
                columns: new[] { "complainant_user_id", "received_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_cooperating_agency_ids",
                table: "complaints",
                column: "cooperating_agency_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_lead_agency_id_received_at_id",
                table: "complaints",
                columns: new[] { "lead_agency_id", "received_at", "id" },
                filter: "lead_agency_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_region_code_received_at_id",
                table: "complaints",
                columns: new[] { "region_code", "received_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_chain_sequence",
                table: "audit_entries",
                columns: new[] { "chain", "sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_complaints_respondent_agency_id_received_at_id;");

            migrationBuilder.DropIndex(
                name: "ix_complaints_assigned_agency_id_received_at_id",
                table: "complaints");

            migrationBuilder.DropIndex(
                name: "ix_complaints_complainant_user_id_received_at_id",
                table: "complaints");

            migrationBuilder.DropIndex(
                name: "ix_complaints_cooperating_agency_ids",
                table: "complaints");

            migrationBuilder.DropIndex(
                name: "ix_complaints_lead_agency_id_received_at_id",
                table: "complaints");

            migrationBuilder.DropIndex(
                name: "ix_complaints_region_code_received_at_id",
                table: "complaints");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_chain_sequence",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "chain",
                table: "audit_entries");

            migrationBuilder.DropSequence(
                name: "audit_entries_sequence");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_assigned_agency_id_status",
                table: "complaints",
                columns: new[] { "assigned_agency_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_complainant_user_id",
                table: "complaints",
                column: "complainant_user_id");
        }
    }
}
