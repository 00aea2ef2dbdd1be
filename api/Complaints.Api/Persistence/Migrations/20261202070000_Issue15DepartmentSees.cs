using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Complaints.Api.Persistence.Migrations
{
    /// <summary>
    /// #15 item 3: <c>department_sees</c> takes <c>character(6)</c>, the type of the stored <c>region_code</c>, so that EF queries
    /// can call it (Cases/CaseVisibility.DepartmentSees) instead of restating the rule: inlined with a known department, a county's
    /// test is an equality on the column itself, which its indexes serve (with <c>text</c> arguments the column was cast, and
    /// no index served it). Same body; callers passing text are cast implicitly. SQL in Issue15DepartmentSees/.
    /// </summary>
    public partial class Issue15DepartmentSees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Read("up.sql"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Read("down.sql"));

        private static string Read(string file) => MigrationSql.Read("Issue15DepartmentSees", file);
    }
}
