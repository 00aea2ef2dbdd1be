using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Complaints.Api.Tests.Infrastructure;

/// <summary>
/// Issue #10 "truthful schemas": every response any API test receives from an operation of the published contract is
/// validated, strictly, against that operation's response schema in openapi/v1.json (which OpenApiContractTests
/// proves equal to the served document). Strict: a missing required property, a wrong type or format, or a property
/// the schema does not declare (every object schema is closed with <c>unevaluatedProperties: false</c> here) fails,
/// and so does a status or content type the operation does not declare. The failure is thrown into the test that
/// made the request, naming the operation.
/// </summary>
public sealed class ContractCheck
{
    private const string BaseUri = "https://contract.test/openapi.json";
    private static readonly Lazy<ContractCheck> Shared = new(() => new ContractCheck(File.ReadAllText(Path.Combine(RepoPaths.Root, "openapi", "v1.json"))));

    private readonly JsonNode paths;
    private readonly BuildOptions build;
    private readonly ConcurrentDictionary<string, JsonSchema> schemas = new(StringComparer.Ordinal);

    public ContractCheck(string document)
    {
        var root = JsonNode.Parse(document)!;
        Close(root["components"]);
        Close(root["paths"]);
        paths = root["paths"]!;
        build = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        build.SchemaRegistry.Register(new Uri(BaseUri), new JsonElementBaseDocument(JsonSerializer.SerializeToElement(root), new Uri(BaseUri)));
    }

    public static ContractCheck Default => Shared.Value;

    /// <summary>Operations (<c>GET /api/v1/x/{id}</c>) that returned a response checked against the contract, over the test run.</summary>
    public static ConcurrentDictionary<string, int> Exercised { get; } = new(StringComparer.Ordinal);

    /// <summary>Null when the response agrees with the contract, else why not.</summary>
    public string? Check(string method, string pathTemplate, int status, string? contentType, byte[] body)
    {
        var operation = paths[pathTemplate]?[method.ToLowerInvariant()];
        if (operation is null)
        {
            return $"{method} {pathTemplate} is not in the contract";
        }

        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = operation["responses"]?[code] ?? operation["responses"]?["default"];
        if (response is null)
        {
            return $"{method} {pathTemplate} answered {status}, which the contract does not declare";
        }

        var content = response["content"]?.AsObject();
        var mediaType = (contentType ?? "").Split(';')[0].Trim();
        if (content is null || content.Count == 0)
        {
            return body.Length == 0 ? null : $"{method} {pathTemplate} {status} has a body ({mediaType}) the contract does not declare";
        }

        if (body.Length == 0 && status is 304)
        {
            return null;
        }

        if (!content.ContainsKey(mediaType))
        {
            return $"{method} {pathTemplate} {status} answered {mediaType}, the contract declares {string.Join(", ", content.Select(c => c.Key))}";
        }

        if (!mediaType.Contains("json", StringComparison.Ordinal))
        {
            return null;
        }

        // A $ref'd schema is evaluated from its component (a JSON pointer through "application/problem+json" does not resolve).
        var declared = content[mediaType]?["schema"];
        var pointer = declared?["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith('#')
            ? reference
            : "#/paths/" + Uri.EscapeDataString(Escape(pathTemplate)) + "/" + method.ToLowerInvariant() + "/responses/"
                + (operation["responses"]?[code] is null ? "default" : code) + "/content/" + Uri.EscapeDataString(Escape(mediaType)) + "/schema";

        var schema = schemas.GetOrAdd(pointer, p => JsonSchema.FromText($$"""{"$ref": "{{BaseUri}}{{p}}"}""", build));
        using var instance = JsonDocument.Parse(body);
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (result.IsValid)
        {
            Exercised.AddOrUpdate($"{method} {pathTemplate}", 1, (_, n) => n + 1);
            return null;
        }

        var errors = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({e.Key} at {d.EvaluationPath}): {e.Value}"))
            .Take(10);
        var text = System.Text.Encoding.UTF8.GetString(body);
        return $"{method} {pathTemplate} {status} body does not match its schema:\n  {string.Join("\n  ", errors)}\nbody: {text[..Math.Min(text.Length, 2000)]}";
    }

    /// <summary>The route's template as the contract spells it: <c>/api/v1/cases/{id:guid}</c> → <c>/api/v1/cases/{id}</c>.</summary>
    public static string ContractPath(string routeTemplate)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(routeTemplate, @"\{([^}:=?]+)[^}]*\}", "{$1}");
        path = "/" + path.Trim('/');
        return path;
    }

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>Closes every object schema: a property the contract does not declare is a failure.</summary>
    private static void Close(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                // Annotations for generators (x-enum-descriptions…) are not JSON Schema keywords; the validator refuses unknown ones.
                foreach (var key in obj.Select(p => p.Key).Where(k => k.StartsWith("x-", StringComparison.Ordinal)).ToList())
                {
                    obj.Remove(key);
                }

                if (obj["properties"] is JsonObject && !obj.ContainsKey("additionalProperties") && !obj.ContainsKey("unevaluatedProperties"))
                {
                    obj["unevaluatedProperties"] = false;
                }

                foreach (var (_, child) in obj.ToList())
                {
                    Close(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Close(child);
                }

                break;
        }
    }
}

/// <summary>Puts <see cref="ContractCheck"/> in front of the app in every test host.</summary>
public sealed class ContractCheckStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, nextMiddleware) =>
        {
            var original = http.Response.Body;
            using var buffer = new MemoryStream();
            http.Response.Body = buffer;
            try
            {
                await nextMiddleware(http);
            }
            finally
            {
                http.Response.Body = original;
            }

            var bytes = buffer.ToArray();
            if (http.GetEndpoint() is RouteEndpoint route && !HttpMethods.IsOptions(http.Request.Method) && http.Request.Path.StartsWithSegments("/api/v1", StringComparison.Ordinal)
                && route.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            {
                var template = ContractCheck.ContractPath(route.RoutePattern.RawText ?? "");
                if (ContractCheck.Default.Check(http.Request.Method, template, http.Response.StatusCode, http.Response.ContentType, bytes) is { } violation)
                {
                    throw new ContractViolationException(violation);
                }
            }

            if (bytes.Length > 0)
            {
                await original.WriteAsync(bytes, http.RequestAborted);
            }
        });
        next(app);
    };
}

public sealed class ContractViolationException(string message) : Exception("Response disagrees with openapi/v1.json: " + message);
