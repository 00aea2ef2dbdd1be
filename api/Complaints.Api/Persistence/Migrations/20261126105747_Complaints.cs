using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Complaints.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Complaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "complaints",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tracking_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    query_code_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    channel = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    receiving_region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: true),
                    complainant_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    respondent_agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    respondent_staff_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    respondent_window_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    service_item_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    service_item_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    request = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    facts = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    confidential = table.Column<bool>(type: "boolean", nullable: false),
                    assigned_agency_id = table.Column<Guid>(type: "uuid", nullable: true),
                    referred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    referred_on_time = table.Column<bool>(type: "boolean", nullable: true),
                    referral_note = table.Column<string>(type: "text", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_on_time = table.Column<bool>(type: "boolean", nullable: true),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    classification = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    not_accepted_reason = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: true),
                    related_case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    not_accepted_explanation = table.Column<string>(type: "text", nullable: true),
                    extended = table.Column<bool>(type: "boolean", nullable: false),
                    extended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    extension_reason = table.Column<string>(type: "text", nullable: true),
                    lead_agency_id = table.Column<Guid>(type: "uuid", nullable: true),
                    finding = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    result = table.Column<string>(type: "text", nullable: true),
                    measures = table.Column<string>(type: "text", nullable: true),
                    concluded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    concluded_on_time = table.Column<bool>(type: "boolean", nullable: true),
                    is_invalid_complaint = table.Column<bool>(type: "boolean", nullable: false),
                    merged_into_case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    merged_into_tracking_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    merged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdrawal_reason = table.Column<string>(type: "text", nullable: true),
                    complainant_rating = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    complainant_comment = table.Column<string>(type: "text", nullable: true),
                    rated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    is_major = table.Column<bool>(type: "boolean", nullable: false),
                    major_reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    major_summary = table.Column<string>(type: "text", nullable: true),
                    region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    cooperating_agency_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    evidence_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaints", x => x.id);
                    table.ForeignKey(
                        name: "fk_complaints_agencies_respondent_agency_id",
                        column: x => x.respondent_agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evidence_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    uploader_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    content_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    width = table.Column<int>(type: "integer", nullable: true),
                    height = table.Column<int>(type: "integer", nullable: true),
                    storage_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    thumbnail_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_files", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "holiday_schedules",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    json = table.Column<string>(type: "jsonb", nullable: false),
                    loaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    loaded_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_holiday_schedules", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "tracking_sequences",
                columns: table => new
                {
                    region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tracking_sequences", x => new { x.region_code, x.day });
                });

            migrationBuilder.CreateTable(
                name: "complainant_identities",
                columns: table => new
                {
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    id_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    id_number_encrypted = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    phone_encrypted = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    address = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    real_name_verified = table.Column<bool>(type: "boolean", nullable: false),
                    id_number_blind_index = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    id_number_masked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    phone_masked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complainant_identities", x => x.complaint_id);
                    table.ForeignKey(
                        name: "fk_complainant_identities_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "complaint_investigation_records",
                columns: table => new
                {
                    number = table.Column<int>(type: "integer", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    recorded_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_investigation_records", x => new { x.complaint_id, x.number });
                    table.ForeignKey(
                        name: "fk_complaint_investigation_records_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "complaint_merged_cases",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tracking_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    channel = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    complainant_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    complainant_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    complainant_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    complainant_id_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    complainant_id_number_encrypted = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    complainant_phone_encrypted = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    complainant_address = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    complainant_real_name_verified = table.Column<bool>(type: "boolean", nullable: false),
                    merged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_merged_cases", x => new { x.complaint_id, x.case_id });
                    table.ForeignKey(
                        name: "fk_complaint_merged_cases_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "complaint_rectifications",
                columns: table => new
                {
                    number = table.Column<int>(type: "integer", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requirement = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    ordered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    report = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sent_back_count = table.Column<int>(type: "integer", nullable: false),
                    verification_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_rectifications", x => new { x.complaint_id, x.number });
                    table.ForeignKey(
                        name: "fk_complaint_rectifications_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "complaint_revisits",
                columns: table => new
                {
                    number = table.Column<int>(type: "integer", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    rating = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recorded_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_revisits", x => new { x.complaint_id, x.number });
                    table.ForeignKey(
                        name: "fk_complaint_revisits_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "complaint_timeline",
                columns: table => new
                {
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    article = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    actor_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    actor_role = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    actor_agency_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: true),
                    details = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_timeline", x => new { x.complaint_id, x.sequence });
                    table.ForeignKey(
                        name: "fk_complaint_timeline_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_complainant_identities_id_number_blind_index",
                table: "complainant_identities",
                column: "id_number_blind_index");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_assigned_agency_id_status",
                table: "complaints",
                columns: new[] { "assigned_agency_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_complainant_user_id",
                table: "complaints",
                column: "complainant_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_received_at",
                table: "complaints",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_region_code_status",
                table: "complaints",
                columns: new[] { "region_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_respondent_agency_id",
                table: "complaints",
                column: "respondent_agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_tracking_number",
                table: "complaints",
                column: "tracking_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_complaint_id",
                table: "evidence_files",
                column: "complaint_id");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_unattached_uploaded_at",
                table: "evidence_files",
                column: "uploaded_at",
                filter: "complaint_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_uploader_id_id",
                table: "evidence_files",
                columns: new[] { "uploader_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complainant_identities");

            migrationBuilder.DropTable(
                name: "complaint_investigation_records");

            migrationBuilder.DropTable(
                name: "complaint_merged_cases");

            migrationBuilder.DropTable(
                name: "complaint_rectifications");

            migrationBuilder.DropTable(
                name: "complaint_revisits");

            migrationBuilder.DropTable(
                name: "complaint_timeline");

            migrationBuilder.DropTable(
                name: "evidence_files");

            migrationBuilder.DropTable(
                name: "holiday_schedules");

            migrationBuilder.DropTable(
                name: "tracking_sequences");

            migrationBuilder.DropTable(
                name: "complaints");
        }
    }
}
