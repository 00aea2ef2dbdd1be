using System;
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
            // Statistics by date of receipt, index-only (see ComplaintConfiguration): it includes the owned types' columns,
            // which EF cannot put in an index, so it is created here. It replaces ix_complaints_received_at.
            migrationBuilder.Sql("""
                CREATE INDEX ix_complaints_statistics ON complaints (received_at) INCLUDE (
                  id, region_code, respondent_agency_id, status, classification, not_accepted_reason, referred_at, referred_on_time,
                  concluded_on_time, extended, running_due_at, is_major, channel, finding, complainant_rating, service_item_name);
                """);

            migrationBuilder.DropIndex(
                name: "ix_complaints_complainant_user_id",
                table: "complaints");

            migrationBuilder.DropIndex(
                name: "ix_complaints_received_at",
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

            migrationBuilder.CreateTable(
                name: "complaint_agencies",
                columns: table => new
                {
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_agencies", x => new { x.agency_id, x.received_at, x.complaint_id });
                    table.ForeignKey(
                        name: "fk_complaint_agencies_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_complainant_user_id_received_at_id",
                table: "complaints",
                columns: new[] { "complainant_user_id", "received_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_region_code_received_at_id",
                table: "complaints",
                columns: new[] { "region_code", "received_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_chain_sequence",
                table: "audit_entries",
                columns: new[] { "chain", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_complaint_agencies_complaint_id",
                table: "complaint_agencies",
                column: "complaint_id");

            // complaint_agencies follows the four agency columns of complaints (CaseAgencyLink), and is filled for existing cases.
            migrationBuilder.Sql("""
                CREATE FUNCTION complaints_sync_agencies() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'UPDATE' THEN
                    DELETE FROM complaint_agencies WHERE complaint_id = OLD.id;
                  END IF;
                  INSERT INTO complaint_agencies (agency_id, received_at, complaint_id)
                  SELECT DISTINCT a, NEW.received_at, NEW.id
                  FROM unnest(ARRAY[NEW.respondent_agency_id, NEW.assigned_agency_id, NEW.lead_agency_id] || NEW.cooperating_agency_ids) AS a
                  WHERE a IS NOT NULL;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER complaints_agencies_insert AFTER INSERT ON complaints
                  FOR EACH ROW EXECUTE FUNCTION complaints_sync_agencies();
                CREATE TRIGGER complaints_agencies_update
                  AFTER UPDATE OF respondent_agency_id, assigned_agency_id, lead_agency_id, cooperating_agency_ids, received_at ON complaints
                  FOR EACH ROW WHEN (OLD.respondent_agency_id IS DISTINCT FROM NEW.respondent_agency_id
                    OR OLD.assigned_agency_id IS DISTINCT FROM NEW.assigned_agency_id
                    OR OLD.lead_agency_id IS DISTINCT FROM NEW.lead_agency_id
                    OR OLD.cooperating_agency_ids IS DISTINCT FROM NEW.cooperating_agency_ids
                    OR OLD.received_at IS DISTINCT FROM NEW.received_at)
                  EXECUTE FUNCTION complaints_sync_agencies();
                INSERT INTO complaint_agencies (agency_id, received_at, complaint_id)
                SELECT DISTINCT a, c.received_at, c.id
                FROM complaints c, unnest(ARRAY[c.respondent_agency_id, c.assigned_agency_id, c.lead_agency_id] || c.cooperating_agency_ids) AS a
                WHERE a IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_complaints_statistics;");
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS complaints_agencies_insert ON complaints;
                DROP TRIGGER IF EXISTS complaints_agencies_update ON complaints;
                DROP FUNCTION IF EXISTS complaints_sync_agencies();
                """);

            migrationBuilder.DropTable(
                name: "complaint_agencies");

            migrationBuilder.DropIndex(
                name: "ix_complaints_complainant_user_id_received_at_id",
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
                name: "ix_complaints_complainant_user_id",
                table: "complaints",
                column: "complainant_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_received_at",
                table: "complaints",
                column: "received_at");
        }
    }
}
