using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Complaints.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Issue17AgencySystems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_notification_outbox_recipient",
                table: "notification_outbox");

            migrationBuilder.AlterColumn<string>(
                name: "tracking_number",
                table: "notification_outbox",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<Guid>(
                name: "case_id",
                table: "notification_outbox",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<long>(
                name: "sequence",
                table: "notification_outbox",
                type: "bigint",
                nullable: false)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddColumn<Guid>(
                name: "subscription_id",
                table: "notification_outbox",
                type: "uuid",
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_notification_outbox_subscription_order",
                table: "notification_outbox",
                columns: new[] { "subscription_id", "case_id", "sequence" },
                filter: "subscription_id IS NOT NULL AND status IN ('pending', 'sending')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_notification_outbox_recipient",
                table: "notification_outbox",
                sql: "(recipient_type = 'complainant' AND complainant_case_id IS NOT NULL AND case_id IS NOT NULL) OR (recipient_type = 'department' AND department_region_code IS NOT NULL AND case_id IS NOT NULL) OR (recipient_type = 'subscription' AND subscription_id IS NOT NULL)");

            migrationBuilder.CreateIndex(
                name: "ix_case_changes_case_id_tx_id",
                table: "case_changes",
                columns: new[] { "case_id", "tx_id" });

            migrationBuilder.CreateIndex(
                name: "ix_case_changes_tx_id_position",
                table: "case_changes",
                columns: new[] { "tx_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_subscriptions_agency_id",
                table: "webhook_subscriptions",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_subscriptions_region_code",
                table: "webhook_subscriptions",
                column: "region_code");

            migrationBuilder.AddForeignKey(
                name: "fk_notification_outbox_webhook_subscriptions_subscription_id",
                table: "notification_outbox",
                column: "subscription_id",
                principalTable: "webhook_subscriptions",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // The change feed: every insert of a case and every update that changes its row writes one row, in the
            // writing transaction (tx_id and position from the column defaults). Written here, not by EF, so that no
            // writer (endpoint, deadline monitor, calendar reload, raw SQL) can change a case without it.
            migrationBuilder.Sql("""
                CREATE FUNCTION record_case_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- A transaction's id is drawn at its first write, possibly before it waited for this case's row lock,
                    -- so it may be lower than the id of the change it waited for. Never sort a case's change before its
                    -- previous one (committed: we hold the row lock): the larger of the two ids. Still at least our own id,
                    -- so the feed's horizon (served only below the oldest running transaction) holds.
                    INSERT INTO case_changes (case_id, version, status, tx_id)
                    VALUES (NEW.id, NEW.version, NEW.status, GREATEST((pg_current_xact_id()::text)::bigint,
                        COALESCE((SELECT max(c.tx_id) FROM case_changes c WHERE c.case_id = NEW.id), 0)));
                    RETURN NULL;
                END $$;

                CREATE TRIGGER complaints_case_changes_insert AFTER INSERT ON complaints
                    FOR EACH ROW EXECUTE FUNCTION record_case_change();
                CREATE TRIGGER complaints_case_changes_update AFTER UPDATE ON complaints
                    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION record_case_change();

                -- Cases that exist already start the feed with their current state, oldest first.
                INSERT INTO case_changes (case_id, version, status)
                SELECT id, version, status FROM complaints ORDER BY received_at, id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER complaints_case_changes_insert ON complaints;
                DROP TRIGGER complaints_case_changes_update ON complaints;
                DROP FUNCTION record_case_change();
                """);

            migrationBuilder.DropForeignKey(
                name: "fk_notification_outbox_webhook_subscriptions_subscription_id",
                table: "notification_outbox");

            migrationBuilder.DropTable(
                name: "case_changes");

            migrationBuilder.DropTable(
                name: "sent_reminders");

            migrationBuilder.DropTable(
                name: "webhook_subscriptions");

            migrationBuilder.DropIndex(
                name: "ix_notification_outbox_subscription_order",
                table: "notification_outbox");

            migrationBuilder.DropCheckConstraint(
                name: "ck_notification_outbox_recipient",
                table: "notification_outbox");

            migrationBuilder.DropColumn(
                name: "sequence",
                table: "notification_outbox");

            migrationBuilder.DropColumn(
                name: "subscription_id",
                table: "notification_outbox");

            migrationBuilder.AlterColumn<string>(
                name: "tracking_number",
                table: "notification_outbox",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32,
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "case_id",
                table: "notification_outbox",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_notification_outbox_recipient",
                table: "notification_outbox",
                sql: "(recipient_type = 'complainant' AND complainant_case_id IS NOT NULL) OR (recipient_type = 'department' AND department_region_code IS NOT NULL)");
        }
    }
}
