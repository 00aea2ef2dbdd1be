using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Complaints.Api.Persistence.Migrations
{
    /// <summary>
    /// #16 item 4: the database numbers and chains each audit line as it is inserted (Issue16/audit-chain.sql), so a change
    /// and its audit lines are written in one batch. The model only marks sequence, previous_hash and hash as generated on add.
    /// </summary>
    public partial class Issue16AuditChainInDatabase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Read("audit-chain.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER audit_entries_chain ON audit_entries;
                DROP FUNCTION audit_entries_chain();
                """);
        }

        private static string Read(string file) => MigrationSql.Read("Issue16", file);
    }
}
