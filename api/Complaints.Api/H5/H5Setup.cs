using Complaints.Api.Auth;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Complaints.Api.Infrastructure;

namespace Complaints.Api.H5;

/// <summary>Where the citizen H5 page signs people in (README "The citizen H5 page").</summary>
public sealed class H5Options
{
    /// <summary>The identity platform for the authorization-code flow with PKCE; defaults to <c>Auth:Authority</c>.</summary>
    public string? OidcAuthority { get; set; }

    /// <summary>The page's client id registered with the identity platform; without it the page offers no OIDC sign-in.</summary>
    public string? OidcClientId { get; set; }

    public string OidcScope { get; set; } = "openid profile";
}

/// <summary>
/// The citizen H5 page (web/h5, built by Vite into wwwroot): static files at <c>/</c>. Hashed assets are
/// cached for a year, <c>index.html</c> never (a new build is picked up at once), and every page response
/// carries a Content-Security-Policy without inline script or style and without other hosts, so the page
/// works on a government intranet and injected markup cannot run.
/// </summary>
public static class H5Setup
{
    private const string AssetsPrefix = "/assets/";

    public static IServiceCollection AddH5(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<H5Options>("H5");
        services.PostConfigure<H5Options>(o => o.OidcAuthority ??= configuration["Auth:Authority"]);
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true; // only static page files go through it (below): no secrets to leak by length
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["text/html", "text/javascript", "text/css", "application/json", "image/svg+xml"];
        });
        return services;
    }

    /// <summary>Serves the page before authentication and rate limits; paths of the API fall through untouched.</summary>
    public static IApplicationBuilder UseH5(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<H5Options>>().Value;
        var policy = ContentSecurityPolicy(options);
        app.UseWhen(context => IsPagePath(context.Request.Path), page =>
        {
            page.UseResponseCompression();
            page.UseDefaultFiles();
            page.UseStaticFiles(new StaticFileOptions
            {
                ContentTypeProvider = new FileExtensionContentTypeProvider(),
                OnPrepareResponse = file => PrepareResponse(file.Context, policy),
            });
        });
        return app;
    }

    /// <summary>The page's settings (<c>/h5-config.json</c>): how to sign in here. Not cached.</summary>
    public static IEndpointRouteBuilder MapH5Config(this IEndpointRouteBuilder app)
    {
        app.MapGet("/h5-config.json", (IOptions<H5Options> options, IOptions<AuthOptions> auth, IWebHostEnvironment environment) =>
        {
            var o = options.Value;
            var oidc = !string.IsNullOrWhiteSpace(o.OidcAuthority) && !string.IsNullOrWhiteSpace(o.OidcClientId)
                ? new H5OidcConfig(o.OidcAuthority!, o.OidcClientId!, o.OidcScope)
                : null;
            // Persona tokens are signed with the development key, which the API trusts only when no authority is set.
            var devTokens = environment.IsDevelopment() && string.IsNullOrWhiteSpace(auth.Value.Authority);
            return TypedResults.Ok(new H5Config(devTokens, oidc));
        }).ExcludeFromDescription().AllowAnonymous()
          .AddEndpointFilter(async (context, next) =>
          {
              context.HttpContext.Response.Headers.CacheControl = "no-cache";
              return await next(context);
          });
        return app;
    }

    public sealed record H5Config(bool DevTokens, H5OidcConfig? Oidc);

    public sealed record H5OidcConfig(string Authority, string ClientId, string Scope);

    private static bool IsPagePath(PathString path) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments("/openapi") && !path.StartsWithSegments("/scalar")
        && !path.StartsWithSegments("/healthz");

    private static void PrepareResponse(HttpContext context, string policy)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = context.Request.Path.StartsWithSegments(AssetsPrefix.TrimEnd('/'))
            ? "public, max-age=31536000, immutable" // content-hashed names: a new build has new names
            : "no-cache";
        headers.ContentSecurityPolicy = policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
    }

    /// <summary>
    /// Only this origin, except the identity platform's token endpoint (the one other host the page may call,
    /// and only when OIDC sign-in is configured). Images may be <c>blob:</c> for the previews of chosen photos.
    /// </summary>
    internal static string ContentSecurityPolicy(H5Options options)
    {
        var connect = "'self'";
        if (!string.IsNullOrWhiteSpace(options.OidcClientId) && Uri.TryCreate(options.OidcAuthority, UriKind.Absolute, out var authority))
        {
            connect += " " + authority.GetLeftPart(UriPartial.Authority);
        }

        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; font-src 'self'; "
            + $"connect-src {connect}; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
