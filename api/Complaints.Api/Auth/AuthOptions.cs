namespace Complaints.Api.Auth;

/// <summary>Configuration section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The identity platform (OIDC authority). Its JWKS signs production tokens.</summary>
    public string? Authority { get; set; }

    public string Issuer { get; set; } = "complaints-dev";

    public string Audience { get; set; } = "complaints-api";

    /// <summary>HS256 key for development tokens; refused outside Development.</summary>
    public string? DevelopmentSigningKey { get; set; }

    public bool RequireHttpsMetadata { get; set; } = true;
}
