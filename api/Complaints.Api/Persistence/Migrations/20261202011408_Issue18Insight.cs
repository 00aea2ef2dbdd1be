using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Complaints.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Issue18Insight : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "insight_words",
                table: "complaints",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "search_terms",
                table: "complaints",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "phone_blind_index",
                table: "complainant_identities",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "report_analyses",
                columns: table => new
                {
                    report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    analysis = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_analyses", x => x.report_id);
                    table.ForeignKey(
                        name: "fk_report_analyses_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_complainant_identities_phone_blind_index",
                table: "complainant_identities",
                column: "phone_blind_index");

            // Full-text search for staff (GET /cases?q=): the segmented words, space-joined, through PostgreSQL's 'simple'
            // configuration (no stemming, no stop words: the words are jieba's already), stored so that ranking reads it
            // instead of parsing again, and indexed with GIN. Kept by a trigger rather than a generated column, so that a
            // row copied whole (INSERT ... SELECT *) still inserts. EF does not map it: loading a case never reads it.
            migrationBuilder.Sql("""
                ALTER TABLE complaints ADD COLUMN search_vector tsvector;
                CREATE FUNCTION complaints_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  NEW.search_vector := to_tsvector('simple', coalesce(NEW.search_terms, ''));
                  RETURN NEW;
                END $$;
                CREATE TRIGGER complaints_search_vector BEFORE INSERT OR UPDATE OF search_terms ON complaints
                  FOR EACH ROW EXECUTE FUNCTION complaints_search_vector();
                CREATE INDEX ix_complaints_search_vector ON complaints USING gin (search_vector);
                -- The cases stored before this migration, segmented after start by Insight/InsightBackfill (empty afterwards).
                CREATE INDEX ix_complaints_unsegmented ON complaints (id) WHERE insight_words IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER complaints_search_vector ON complaints;
                DROP FUNCTION complaints_search_vector();
                ALTER TABLE complaints DROP COLUMN search_vector;
                """);

            migrationBuilder.DropTable(
                name: "report_analyses");

            migrationBuilder.DropIndex(
                name: "ix_complainant_identities_phone_blind_index",
                table: "complainant_identities");

            migrationBuilder.DropColumn(
                name: "insight_words",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "search_terms",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "phone_blind_index",
                table: "complainant_identities");
        }
    }
}
