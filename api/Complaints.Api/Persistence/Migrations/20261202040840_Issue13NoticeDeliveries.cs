using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Complaints.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Issue13NoticeDeliveries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "notice_by_post",
                table: "complaints",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "complaint_notice_deliveries",
                columns: table => new
                {
                    number = table.Column<int>(type: "integer", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    notice = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    delivered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recorded_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    recorded_by_agency_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_by_region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_notice_deliveries", x => new { x.complaint_id, x.number });
                    table.ForeignKey(
                        name: "fk_complaint_notice_deliveries_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_notice_by_post",
                table: "complaints",
                column: "notice_by_post",
                filter: "notice_by_post");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaint_notice_deliveries");

            migrationBuilder.DropIndex(
                name: "ix_complaints_notice_by_post",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "notice_by_post",
                table: "complaints");
        }
    }
}
