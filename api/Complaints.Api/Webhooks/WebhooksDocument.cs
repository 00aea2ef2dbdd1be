using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Complaints.Api.Webhooks;

/// <summary>
/// The contract's <c>webhooks</c> section (OpenAPI 3.1): one entry per agency-system event
/// (<see cref="AgencyEventTypes"/>), each a CloudEvents 1.0 structured-mode POST whose body schema is a component
/// (<c>CaseReferredEvent</c> with <c>CaseReferredEventData</c>, …), so receivers generate their types like any other
/// client. ASP.NET Core's generator knows only endpoints, so a document transformer adds this.
/// </summary>
public static class WebhooksDocument
{
    public static void Describe(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        foreach (var type in AgencyEventTypes.All)
        {
            var name = type.Kind + "Event";
            var data = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "The event's data. No personal data: read the case (GET /api/v1/cases/{caseId}) for more.",
                Properties = new Dictionary<string, IOpenApiSchema>(),
                Required = new HashSet<string>(),
            };
            if (type.AboutCase)
            {
                data.Properties["caseId"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid", Description = "The case." };
                data.Properties["trackingNumber"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Its tracking number (TS530102-20261126-00042)." };
                data.Required.Add("caseId");
                data.Required.Add("trackingNumber");
            }

            foreach (var (key, description) in type.Data)
            {
                data.Properties[key] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = description };
            }

            document.Components.Schemas[name + "Data"] = data;
            var envelope = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = $"CloudEvents 1.0 (structured mode): {type.Summary}",
                Required = new HashSet<string> { "specversion", "id", "source", "type", "time", "datacontenttype", "sequence", "data" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["specversion"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = "1.0" },
                    ["id"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid", Description = "The same on every retry and replay: drop an id already processed." },
                    ["source"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = AgencyEventTypes.Source },
                    ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = type.Type },
                    ["subject"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid", Description = "The case id, when the event is about a case." },
                    ["time"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "When it happened (+08:00)." },
                    ["datacontenttype"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = "application/json" },
                    ["sequence"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String, Pattern = "^[0-9]{20}$",
                        Description = "CloudEvents sequence extension: increases with each event; events of one case reach a subscription in this order.",
                    },
                    ["data"] = new OpenApiSchemaReference(name + "Data", document),
                },
            };
            if (type.AboutCase)
            {
                envelope.Required.Add("subject");
            }

            document.Components.Schemas[name] = envelope;
            document.Webhooks[type.Type] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Post] = new()
                    {
                        OperationId = "On" + type.Kind,
                        Summary = type.Summary,
                        Description = "Sent to the https endpoint registered for the agency or department (POST /api/v1/admin/webhooks). "
                            + "Verify `X-Complaints-Signature` before parsing: `t=<unix seconds>,v1=<hex>[,v1=<hex>]`, each v1 = HMAC-SHA256(secret, \"<t>.\" + raw body); "
                            + "reject a t more than 5 minutes from your clock. Answer 2xx once stored (also for an id seen before); 4xx only when a retry can never succeed "
                            + "(the event is then dead-lettered); 5xx or 429 (Retry-After honoured) to be retried with backoff.",
                        Tags = new HashSet<OpenApiTagReference> { new("Agency systems", document) },
                        Parameters =
                        [
                            new OpenApiParameter
                            {
                                Name = WebhookSignature.Header, In = ParameterLocation.Header, Required = true,
                                Description = "t=<unix seconds>,v1=<lowercase hex HMAC-SHA256> (two v1 values while a rotated secret is in its grace period).",
                                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                            },
                            new OpenApiParameter
                            {
                                Name = WebhookSignature.EventIdHeader, In = ParameterLocation.Header, Required = true,
                                Description = "The event id (also `id` in the body).",
                                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                            },
                        ],
                        RequestBody = new OpenApiRequestBody
                        {
                            Required = true,
                            Content = new Dictionary<string, OpenApiMediaType>
                            {
                                [AgencyWebhookSender.ContentType] = new() { Schema = new OpenApiSchemaReference(name, document) },
                            },
                        },
                        Responses = new OpenApiResponses
                        {
                            ["200"] = new OpenApiResponse { Description = "Received (any 2xx)." },
                            ["400"] = new OpenApiResponse { Description = "Refused for good (any 4xx but 408 and 429): dead-lettered, replayable by an administrator." },
                            ["503"] = new OpenApiResponse { Description = "Temporarily unable (any 5xx, 408, 429): retried with backoff, same id." },
                        },
                    },
                },
            };
        }
    }
}
