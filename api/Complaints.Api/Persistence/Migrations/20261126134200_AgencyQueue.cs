using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Complaints.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AgencyQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // agency_queue replaces complaint_agencies: the same rows (one per case and agency that sees it), now with the
            // columns a queue item shows and filters on, so a page never reads complaints.
            migrationBuilder.Sql("""
                DROP TRIGGER complaints_agencies_insert ON complaints;
                DROP TRIGGER complaints_agencies_update ON complaints;
                DROP FUNCTION complaints_sync_agencies();
                """);
            migrationBuilder.DropTable(
                name: "complaint_agencies");

            migrationBuilder.CreateTable(
                name: "agency_queue",
                columns: table => new
                {
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    tracking_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    channel = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    respondent_agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assigned_agency_id = table.Column<Guid>(type: "uuid", nullable: true),
                    lead_agency_id = table.Column<Guid>(type: "uuid", nullable: true),
                    service_item_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    classification = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    confidential = table.Column<bool>(type: "boolean", nullable: false),
                    running_due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    running_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agency_queue", x => new { x.complaint_id, x.agency_id });
                    table.ForeignKey(
                        name: "fk_agency_queue_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // A case's queue rows, in one place for the trigger, the fill below and the benchmark's seeder (PostgreSQL
            // checks the select against agency_queue's columns when the function is created).
            migrationBuilder.Sql("""
                CREATE FUNCTION agency_queue_rows(c complaints) RETURNS SETOF agency_queue LANGUAGE sql STABLE AS $$
                  SELECT c.id, a, c.received_at, c.tracking_number, c.status, c.channel, c.respondent_agency_id,
                         c.assigned_agency_id, c.lead_agency_id, c.service_item_name, c.classification, c.confidential,
                         c.running_due_date, c.running_due_at
                  FROM (SELECT DISTINCT a FROM unnest(ARRAY[c.respondent_agency_id, c.assigned_agency_id, c.lead_agency_id] || c.cooperating_agency_ids) AS a
                        WHERE a IS NOT NULL) AS agencies(a)
                $$;
                CREATE FUNCTION agency_queue_sync() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'UPDATE' THEN
                    DELETE FROM agency_queue WHERE complaint_id = OLD.id;
                  END IF;
                  INSERT INTO agency_queue SELECT * FROM agency_queue_rows(NEW);
                  RETURN NULL;
                END $$;
                CREATE TRIGGER agency_queue_insert AFTER INSERT ON complaints
                  FOR EACH ROW EXECUTE FUNCTION agency_queue_sync();
                CREATE TRIGGER agency_queue_update AFTER UPDATE ON complaints
                  FOR EACH ROW WHEN ((OLD.respondent_agency_id, OLD.assigned_agency_id, OLD.lead_agency_id, OLD.cooperating_agency_ids,
                      OLD.received_at, OLD.tracking_number, OLD.status, OLD.channel, OLD.service_item_name, OLD.classification,
                      OLD.confidential, OLD.running_due_date, OLD.running_due_at)
                    IS DISTINCT FROM (NEW.respondent_agency_id, NEW.assigned_agency_id, NEW.lead_agency_id, NEW.cooperating_agency_ids,
                      NEW.received_at, NEW.tracking_number, NEW.status, NEW.channel, NEW.service_item_name, NEW.classification,
                      NEW.confidential, NEW.running_due_date, NEW.running_due_at))
                  EXECUTE FUNCTION agency_queue_sync();

                -- Filled before its index is built: one sort instead of a million insertions.
                INSERT INTO agency_queue SELECT q.* FROM complaints c, agency_queue_rows(c) q;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_agency_queue_agency_id_received_at_complaint_id",
                table: "agency_queue",
                columns: new[] { "agency_id", "received_at", "complaint_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "tracking_number", "status", "channel", "respondent_agency_id", "assigned_agency_id", "lead_agency_id", "service_item_name", "classification", "confidential", "running_due_date", "running_due_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER agency_queue_insert ON complaints;
                DROP TRIGGER agency_queue_update ON complaints;
                DROP FUNCTION agency_queue_sync();
                DROP FUNCTION agency_queue_rows(complaints);
                """);
            migrationBuilder.DropTable(
                name: "agency_queue");

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
                name: "ix_complaint_agencies_complaint_id",
                table: "complaint_agencies",
                column: "complaint_id");

            // complaint_agencies and its triggers as the BenchIndexes migration made them.
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
                  FOR EACH ROW EXECUTE FUNCTION complaints_sync_agencies();
                INSERT INTO complaint_agencies (agency_id, received_at, complaint_id)
                SELECT DISTINCT a, c.received_at, c.id
                FROM complaints c, unnest(ARRAY[c.respondent_agency_id, c.assigned_agency_id, c.lead_agency_id] || c.cooperating_agency_ids) AS a
                WHERE a IS NOT NULL;
                """);
        }
    }
}
