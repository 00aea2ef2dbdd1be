using Microsoft.EntityFrameworkCore.Migrations;

namespace Complaints.Api.Persistence.Migrations;

/// <summary>
/// The glossary's renames (#15 item 7, docs/glossary.md) convert what a database already holds: enum members stored by
/// name, wire names in timeline details and frozen reports. The SQL is embedded beside this file.
/// </summary>
public partial class Issue15Renames
{
    private static string Read(string file) => MigrationSql.Read("Issue15Renames", file);
}
