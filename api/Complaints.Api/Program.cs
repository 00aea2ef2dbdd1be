using Complaints.Api.Audit;
using Complaints.Api.Auth;
using Complaints.Api.Calendar;
using Complaints.Api.Changes;
using Complaints.Api.Cases;
using Complaints.Api.Complaints;
using Complaints.Api.Dev;
using Complaints.Api.Directory;
using Complaints.Api.Docs;
using Complaints.Api.Documents;
using Complaints.Api.Evidence;
using Complaints.Api.H5;
using Complaints.Api.Health;
using Complaints.Api.Idempotency;
using Complaints.Api.Insight;
using Complaints.Api.Infrastructure;
using Complaints.Api.Labels;
using Complaints.Api.Me;
using Complaints.Api.Notifications;
using Complaints.Api.Persistence;
using Complaints.Api.Privacy;
using Complaints.Api.Reports;
using Complaints.Api.SpotChecks;
using Complaints.Api.Statistics;
using Complaints.Api.Validation;
using Complaints.Api.Webhooks;

var builder = WebApplication.CreateBuilder(args);

builder.RequireSecureConfiguration();
builder.RemoveServerHeader();

builder.AddApiLogging();
builder.AddObservability();
builder.Services.AddGracefulShutdown(builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddApiJson();
builder.Services.AddApiProblemDetails();
// The request records' declared rules (Validation/FieldRules.cs), enforced before a handler runs (issue #10).
builder.Services.AddValidation();
builder.Services.CacheValidatableInfo();
builder.Services.AddPersistence(builder.Configuration);
builder.Services.AddApiAuth(builder.Configuration, builder.Environment);
builder.Services.AddApiDocs();
builder.Services.AddHealth(builder.Configuration);
builder.Services.AddPrivacy(builder.Configuration);
builder.Services.AddApiRateLimits();
builder.Services.AddApiCors(builder.Configuration, builder.Environment);
builder.Services.AddApiForwardedHeaders(builder.Configuration);
builder.Services.AddIdempotency(builder.Configuration);
builder.Services.AddWorkingDayCalendar();
builder.Services.AddAudit();
builder.Services.AddDeadlineMonitor(builder.Configuration);
builder.Services.AddEvidence(builder.Configuration);
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddAgencyWebhooks(builder.Configuration);
builder.Services.AddCaseDocuments(builder.Configuration);
builder.Services.AddSingleton<LookupLock>();
builder.Services.AddSingleton<Complaints.Api.Directory.AgencyNames>();
builder.Services.AddInsight();
builder.Services.AddH5(builder.Configuration);

var app = builder.Build();
if (await app.RunDatabaseCommandAsync())
{
    return; // --Database:Command=migrate or wait-for-schema: the migration Job and the pods' init container
}

app.UseApiForwardedHeaders();
app.UseMetricsPort();
// Outside the exception handler, so the request log records the status the client received.
app.UseHttpLogging();
app.UseSecurityHeaders();
app.UseApiProblemDetails();
app.UseH5();
app.UseCors();
app.UseMiddleware<RequestHygieneMiddleware>();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<TransientDatabaseRetry>();
// Before the budgets (endpoint filters, after validation; see RateLimits): a replay of an accepted request spends nothing.
app.UseMiddleware<IdempotencyMiddleware>();

app.MapHealth();
if (app.Configuration.GetValue("Docs:Enabled", app.Environment.IsDevelopment()))
{
    app.MapApiDocs();
}
app.MapDirectory();
app.MapLabels();
app.MapMe();
app.MapCalendar();
app.MapComplaints();
app.MapCases();
app.MapStatistics();
app.MapReports();
app.MapSpotChecks();
app.MapEvidence();
app.MapCaseDocuments();
app.MapInsight();
app.MapAgencyWebhooks();
app.MapChangeFeed();
app.MapH5Config();
if (app.Environment.IsDevelopment())
{
    app.MapDevTokens();
}

await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>Visible to the integration tests' host.</summary>
public partial class Program;
