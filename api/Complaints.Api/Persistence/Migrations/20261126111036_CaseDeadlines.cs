using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Complaints.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CaseDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "overdue_flagged_due_at",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "running_due_at",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "running_due_date",
                table: "complaints",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_complaints_running_due_at",
                table: "complaints",
                column: "running_due_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_complaints_running_due_at",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "overdue_flagged_due_at",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "running_due_at",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "running_due_date",
                table: "complaints");
        }
    }
}
