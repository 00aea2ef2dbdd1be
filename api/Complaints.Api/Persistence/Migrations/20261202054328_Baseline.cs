using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Complaints.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "audit_entries_sequence");

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    chain = table.Column<short>(type: "smallint", nullable: false, defaultValue: (short)0),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    actor_role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    client_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    previous_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "case_changes",
                columns: table => new
                {
                    position = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    tx_id = table.Column<long>(type: "bigint", nullable: false, defaultValueSql: "(pg_current_xact_id()::text)::bigint"),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_changes", x => x.position);
                });

            migrationBuilder.CreateTable(
                name: "divisions",
                columns: table => new
                {
                    code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    parent_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_divisions", x => x.code);
                    table.ForeignKey(
                        name: "fk_divisions_divisions_parent_code",
                        column: x => x.parent_code,
                        principalTable: "divisions",
                        principalColumn: "code",
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
                name: "idempotency_records",
                columns: table => new
                {
                    scope = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    method = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    request_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    content_type = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    location = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    protected_body = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_records", x => new { x.scope, x.key });
                });

            migrationBuilder.CreateTable(
                name: "reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    period = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    scope = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: true),
                    region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: true),
                    submitted_to_region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: true),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    late = table.Column<bool>(type: "boolean", nullable: false),
                    figures = table.Column<string>(type: "jsonb", nullable: false),
                    included_report_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    missing_region_codes = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sent_reminders",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    subject = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sent_reminders", x => new { x.kind, x.subject, x.due_date });
                });

            migrationBuilder.CreateTable(
                name: "spot_checks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: false),
                    sample_size = table.Column<int>(type: "integer", nullable: false),
                    seed = table.Column<int>(type: "integer", nullable: false),
                    created_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    case_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_spot_checks", x => x.id);
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
                name: "agencies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    complaint_phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agencies", x => x.id);
                    table.ForeignKey(
                        name: "fk_agencies_divisions_region_code",
                        column: x => x.region_code,
                        principalTable: "divisions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "management_departments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    complaint_phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_management_departments", x => x.id);
                    table.ForeignKey(
                        name: "fk_management_departments_divisions_region_code",
                        column: x => x.region_code,
                        principalTable: "divisions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateTable(
                name: "spot_check_findings",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    spot_check_id = table.Column<Guid>(type: "uuid", nullable: false),
                    verdict = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    reviewed_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    rectification_ordered = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_spot_check_findings", x => new { x.spot_check_id, x.case_id });
                    table.ForeignKey(
                        name: "fk_spot_check_findings_spot_checks_spot_check_id",
                        column: x => x.spot_check_id,
                        principalTable: "spot_checks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                    notice_by_post = table.Column<bool>(type: "boolean", nullable: false),
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
                    insight_words = table.Column<string>(type: "text", nullable: true),
                    overdue_flagged_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: true),
                    running_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    running_due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    search_terms = table.Column<string>(type: "text", nullable: true),
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
                name: "officers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: true),
                    region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_officers", x => x.id);
                    table.CheckConstraint("ck_officers_one_employer", "(agency_id IS NULL) <> (region_code IS NULL)");
                    table.ForeignKey(
                        name: "fk_officers_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_officers_divisions_region_code",
                        column: x => x.region_code,
                        principalTable: "divisions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "webhook_subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: true),
                    region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: true),
                    url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    secret_encrypted = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    previous_secret_encrypted = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    previous_secret_valid_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_subscriptions", x => x.id);
                    table.CheckConstraint("ck_webhook_subscriptions_one_body", "(agency_id IS NULL) <> (region_code IS NULL)");
                    table.ForeignKey(
                        name: "fk_webhook_subscriptions_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_webhook_subscriptions_divisions_region_code",
                        column: x => x.region_code,
                        principalTable: "divisions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

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
                    phone_blind_index = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
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
                    disputed = table.Column<bool>(type: "boolean", nullable: false),
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

            migrationBuilder.CreateTable(
                name: "notification_outbox",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    tracking_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    kind = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    recipient_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    complainant_case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    complainant_tracking_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    complainant_channel = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    complainant_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    phone_encrypted = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    department_region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: true),
                    subscription_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
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
                    table.CheckConstraint("ck_notification_outbox_recipient", "(recipient_type = 'complainant' AND complainant_case_id IS NOT NULL AND case_id IS NOT NULL) OR (recipient_type = 'department' AND department_region_code IS NOT NULL AND case_id IS NOT NULL) OR (recipient_type = 'subscription' AND subscription_id IS NOT NULL)");
                    table.ForeignKey(
                        name: "fk_notification_outbox_complaints_case_id",
                        column: x => x.case_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_notification_outbox_webhook_subscriptions_subscription_id",
                        column: x => x.subscription_id,
                        principalTable: "webhook_subscriptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_agencies_region_code_name",
                table: "agencies",
                columns: new[] { "region_code", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_agency_queue_agency_id_received_at_complaint_id",
                table: "agency_queue",
                columns: new[] { "agency_id", "received_at", "complaint_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "tracking_number", "status", "channel", "respondent_agency_id", "assigned_agency_id", "lead_agency_id", "service_item_name", "classification", "confidential", "running_due_date", "running_due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at",
                table: "audit_entries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_case_id_sequence",
                table: "audit_entries",
                columns: new[] { "case_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_chain_sequence",
                table: "audit_entries",
                columns: new[] { "chain", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_case_changes_case_id_tx_id",
                table: "case_changes",
                columns: new[] { "case_id", "tx_id" });

            migrationBuilder.CreateIndex(
                name: "ix_case_changes_tx_id_position",
                table: "case_changes",
                columns: new[] { "tx_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_complainant_identities_id_number_blind_index",
                table: "complainant_identities",
                column: "id_number_blind_index");

            migrationBuilder.CreateIndex(
                name: "ix_complainant_identities_phone_blind_index",
                table: "complainant_identities",
                column: "phone_blind_index");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_assigned_agency_id_status",
                table: "complaints",
                columns: new[] { "assigned_agency_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_complainant_user_id_received_at_id",
                table: "complaints",
                columns: new[] { "complainant_user_id", "received_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_notice_by_post",
                table: "complaints",
                column: "notice_by_post",
                filter: "notice_by_post");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_region_code_received_at_id",
                table: "complaints",
                columns: new[] { "region_code", "received_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_region_code_status",
                table: "complaints",
                columns: new[] { "region_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_respondent_agency_id",
                table: "complaints",
                column: "respondent_agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_running_due_at",
                table: "complaints",
                column: "running_due_at");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_tracking_number",
                table: "complaints",
                column: "tracking_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_divisions_parent_code",
                table: "divisions",
                column: "parent_code");

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

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_records_created_at",
                table: "idempotency_records",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_management_departments_region_code",
                table: "management_departments",
                column: "region_code",
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_notification_outbox_subscription_order",
                table: "notification_outbox",
                columns: new[] { "subscription_id", "case_id", "sequence" },
                filter: "subscription_id IS NOT NULL AND status IN ('pending', 'sending')");

            migrationBuilder.CreateIndex(
                name: "ix_officers_agency_id",
                table: "officers",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_officers_region_code",
                table: "officers",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_officers_user_id",
                table: "officers",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reports_period_scope",
                table: "reports",
                columns: new[] { "period", "scope" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reports_period_submitted_to_region_code",
                table: "reports",
                columns: new[] { "period", "submitted_to_region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_spot_checks_region_code",
                table: "spot_checks",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_subscriptions_agency_id",
                table: "webhook_subscriptions",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_subscriptions_region_code",
                table: "webhook_subscriptions",
                column: "region_code");

            // What the model cannot express, in Baseline/*.sql (see Baseline/Baseline.HandWritten.cs).
            CreateHandWrittenObjects(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DropHandWrittenObjects(migrationBuilder);

            migrationBuilder.DropTable(
                name: "agency_queue");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "case_changes");

            migrationBuilder.DropTable(
                name: "complainant_identities");

            migrationBuilder.DropTable(
                name: "complaint_investigation_records");

            migrationBuilder.DropTable(
                name: "complaint_merged_cases");

            migrationBuilder.DropTable(
                name: "complaint_notice_deliveries");

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
                name: "idempotency_records");

            migrationBuilder.DropTable(
                name: "management_departments");

            migrationBuilder.DropTable(
                name: "notification_outbox");

            migrationBuilder.DropTable(
                name: "officers");

            migrationBuilder.DropTable(
                name: "report_analyses");

            migrationBuilder.DropTable(
                name: "sent_reminders");

            migrationBuilder.DropTable(
                name: "spot_check_findings");

            migrationBuilder.DropTable(
                name: "tracking_sequences");

            migrationBuilder.DropTable(
                name: "complaints");

            migrationBuilder.DropTable(
                name: "webhook_subscriptions");

            migrationBuilder.DropTable(
                name: "reports");

            migrationBuilder.DropTable(
                name: "spot_checks");

            migrationBuilder.DropTable(
                name: "agencies");

            migrationBuilder.DropTable(
                name: "divisions");

            migrationBuilder.DropSequence(
                name: "audit_entries_sequence");
        }
    }
}
