using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Complaints.Api.Docs;

/// <summary>The published contract (api.md): OpenAPI 3.1 at /openapi/v1.json, Scalar at /scalar.</summary>
public static class OpenApiSetup
{
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddApiDocs(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddOpenApi("v1", options =>
        {
            ContractTransformers.Apply(options);
            options.AddDocumentTransformer((document, context, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "云南省政务服务投诉处理 API",
                    Version = "v1",
                    Contact = new OpenApiContact { Name = "云南省政务服务投诉处理平台", Url = new Uri("https://complaints.ynzwfw.example/") },
                    License = new OpenApiLicense { Name = "仅限接入方使用 (proprietary)", Url = new Uri("https://complaints.ynzwfw.example/terms") },
                    Description = "Complaint handling for Yunnan's government services under 《云南省政务服务投诉处理办法(试行)》: "
                        + "citizens and enterprises submit and track complaints; agencies and government-service management departments "
                        + "refer, accept, handle, conclude, supervise and report them. Errors are RFC 9457 problem+json with a stable `code`.",
                };
                document.Servers = [Server(context.ApplicationServices)];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "A JWT from the identity platform (in Development: POST /api/dev/tokens).",
                };

                // Events sent to agencies' and departments' systems (api.md "Agency systems").
                Webhooks.WebhooksDocument.Describe(document);

                // Last, once every schema is in the document (the webhook events' too).
                SchemaDocs.Apply(document);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
                }

                // A query parameter bound as text but holding an enum's wire name is documented as that enum.
                foreach (var queryEnum in metadata.OfType<QueryEnum>())
                {
                    if (operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == queryEnum.Name) is { } parameter)
                    {
                        parameter.Schema = new OpenApiSchemaReference(queryEnum.Type.Name, context.Document);
                    }
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>
    /// <c>Api:PublicBaseUrl</c> (the address behind the provincial gateway); in Development without it, the origin the
    /// document was requested from, so that the reference page's "try it" calls this very service.
    /// </summary>
    private static OpenApiServer Server(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IConfiguration>()["Api:PublicBaseUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new OpenApiServer { Url = configured.TrimEnd('/'), Description = "本服务的公开地址。The service's public base URL." };
        }

        var request = services.GetRequiredService<IHttpContextAccessor>().HttpContext?.Request;
        var origin = request is null ? "http://localhost:8080" : $"{request.Scheme}://{request.Host}";
        return new OpenApiServer { Url = origin, Description = "提供本文档的服务地址(开发环境)。The origin this document was served from (Development)." };
    }

    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous().DisableRateLimiting();
        app.MapScalarApiReference("/scalar", o => o.WithTitle("云南省政务服务投诉处理 API")).AllowAnonymous().DisableRateLimiting();
        return app;
    }
}

/// <summary>Endpoint metadata: the query parameter <paramref name="Name"/> takes the wire names of the enum <paramref name="Type"/>.</summary>
public sealed record QueryEnum(string Name, Type Type);
