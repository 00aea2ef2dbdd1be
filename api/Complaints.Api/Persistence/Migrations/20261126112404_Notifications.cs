using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Complaints.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Notifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notification_outbox",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tracking_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    recipient_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    complainant_case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    complainant_tracking_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    complainant_channel = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    complainant_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    phone_encrypted = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    department_region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: true),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    lease_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_outbox", x => x.id);
                    table.CheckConstraint("ck_notification_outbox_phone_encrypted", "phone_encrypted IS NULL OR phone_encrypted ~ '^v[0-9]+:'");
                    table.CheckConstraint("ck_notification_outbox_recipient", "(recipient_type = 'complainant' AND complainant_case_id IS NOT NULL) OR (recipient_type = 'department' AND department_region_code IS NOT NULL)");
                    table.ForeignKey(
                        name: "fk_notification_outbox_complaints_case_id",
                        column: x => x.case_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notification_outbox_case_id",
                table: "notification_outbox",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_notification_outbox_due",
                table: "notification_outbox",
                column: "next_attempt_at",
                filter: "status IN ('pending', 'sending')");

            migrationBuilder.CreateIndex(
                name: "ix_notification_outbox_failed",
                table: "notification_outbox",
                column: "created_at",
                filter: "status = 'failed'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notification_outbox");
        }
    }
}
