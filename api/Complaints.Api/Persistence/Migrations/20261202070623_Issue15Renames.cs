using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Complaints.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Issue15Renames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // No schema change: the glossary's renames convert stored values (see Issue15Renames/renames.sql).
            migrationBuilder.Sql(Read("renames.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Read("renames-down.sql"));
        }
    }
}
